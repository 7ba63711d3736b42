package dev.kaizen.llm.critic;

import static dev.kaizen.llm.testing.FakeOpenAiServer.Reply;
import static dev.kaizen.llm.testing.FakeOpenAiServer.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.critic.CriticConfig;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.policy.PolicyConfig;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.testing.FakeMethodContext;
import dev.kaizen.api.testing.TabularPolicy;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.llm.client.LlmServerException;
import dev.kaizen.llm.policy.LlmPolicy;
import dev.kaizen.llm.policy.LlmPolicyFactory;
import dev.kaizen.llm.testing.FakeOpenAiServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmCriticTest {

    private static final Pattern CANDIDATE = Pattern.compile("^(\\d+)\\. (.+)$", Pattern.MULTILINE);
    private static final List<Action> CANDIDATES = List.of(Action.of("enter[7]"), Action.of("click[-1]"),
            Action.of("click[+1]"), Action.of("click[submit]"));
    /** The judge's true preference, best first. */
    private static final List<String> PREFERENCE = List.of("click[+1]", "click[submit]", "click[-1]", "enter[7]");

    @TempDir
    Path runDirectory;

    private final CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());
    private final Trajectory expert = environment.demonstration(environment.tasks(Split.TRAIN).get(1)).orElseThrow();

    private static List<String> shownCandidates(FakeOpenAiServer.Exchange exchange) {
        String prompt = exchange.body().get("messages").get(1).get("content").asText();
        String list = prompt.substring(prompt.indexOf("Candidate actions:"));
        List<String> shown = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(list);
        while (m.find()) {
            shown.add(m.group(2));
        }
        return shown;
    }

    /** Picks the preferred candidate among those shown. */
    private static Reply judge(FakeOpenAiServer.Exchange exchange) {
        List<String> shown = shownCandidates(exchange);
        for (String preferred : PREFERENCE) {
            if (shown.contains(preferred)) {
                return Reply.json(completion("Thought: " + preferred + " makes progress.\nBest: "
                        + (shown.indexOf(preferred) + 1)));
            }
        }
        return Reply.json(completion("Best: 1"));
    }

    private Critic critic(FakeOpenAiServer server, Map<String, Object> more) {
        FakeComponentContext context = new FakeComponentContext(5, runDirectory).register(new LlmCriticFactory());
        Map<String, Object> fields = new HashMap<>(Map.of("type", "llm-critic",
                "baseUrl", server.baseUrl().toString(), "model", "judge", "maxRetries", 1,
                "initialBackoffMillis", 5, "maxBackoffMillis", 5));
        fields.putAll(more);
        return context.create(context.config(CriticConfig.class, fields));
    }

    @Test
    void ranksToScores() {
        assertThat(Ranks.scores(4, List.of(2, 3, 1, 0))).containsExactly(new double[] {0.0, 1.0 / 3, 1.0, 2.0 / 3},
                within(1e-12));
        assertThat(Ranks.scores(4, List.of(2))).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0, 1.0 / 3},
                within(1e-12));
        assertThat(Ranks.scores(1, List.of())).containsExactly(1.0);
        assertThat(Ranks.scores(3, List.of())).containsExactly(0.5, 0.5, 0.5);
        assertThat(Ranks.scores(0, List.of())).isEmpty();
        assertThatThrownBy(() -> Ranks.scores(2, List.of(1, 1))).hasMessageContaining("distinct");
    }

    @Test
    void iterativeRankingAsksForTheBestOfTheRemainingUntilOneIsLeft() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> judge(e));
             Critic critic = critic(server, Map.of())) {
            double[] scores = critic.score(List.of(expert.contextAt(1)), List.of(CANDIDATES)).get(0);

            assertThat(scores).containsExactly(new double[] {0.0, 1.0 / 3, 1.0, 2.0 / 3}, within(1e-12));
            List<FakeOpenAiServer.Exchange> asked = server.chatRequests();
            assertThat(asked).hasSize(3);
            assertThat(shownCandidates(asked.get(0))).hasSize(4);
            assertThat(shownCandidates(asked.get(1))).containsExactly("enter[7]", "click[-1]", "click[submit]");
            assertThat(shownCandidates(asked.get(2))).containsExactly("enter[7]", "click[-1]");
            String prompt = asked.get(0).body().get("messages").get(1).get("content").asText();
            assertThat(prompt).startsWith("Task: " + expert.task().instruction())
                    .contains("Steps so far:\n1. Observation: ").contains("Action: click[+1]")
                    .contains("Current observation:\n").endsWith("Best: <number of the candidate>");
            assertThat(asked.get(0).body().get("temperature").asDouble()).isZero();
        }
    }

    @Test
    void maxPicksLeavesTheRestTied() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> judge(e));
             Critic critic = critic(server, Map.of("maxPicks", 1))) {
            double[] scores = critic.score(List.of(expert.contextAt(0)), List.of(CANDIDATES)).get(0);
            assertThat(scores).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0, 1.0 / 3}, within(1e-12));
            assertThat(server.chatRequests()).hasSize(1);
        }
    }

    @Test
    void singleCallRanksEverythingAtOnce() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) ->
                Reply.json(completion("Thought: progress first.\nRanking: 3, 4, 2, 1")));
             Critic critic = critic(server, Map.of("procedure", "single-call"))) {
            double[] scores = critic.score(List.of(expert.contextAt(0)), List.of(CANDIDATES)).get(0);
            assertThat(scores).containsExactly(new double[] {0.0, 1.0 / 3, 1.0, 2.0 / 3}, within(1e-12));
            assertThat(server.chatRequests()).hasSize(1);
        }
    }

    @Test
    void anUnreadableJudgementIsRepairedOnceThenLeftTied() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> call == 0
                ? Reply.json(completion("The third one looks best."))
                : Reply.json(completion("Best: click[+1]")));
             Critic critic = critic(server, Map.of("maxPicks", 1))) {
            double[] scores = critic.score(List.of(expert.contextAt(0)), List.of(CANDIDATES)).get(0);
            assertThat(scores[2]).isEqualTo(1.0);
            var retry = server.chatRequests().get(1).body().get("messages");
            assertThat(retry.get(retry.size() - 1).get("content").asText())
                    .contains("it has no line starting with 'Best:'");
        }
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> Reply.json(completion("Best: 9")));
             Critic critic = critic(server, Map.of())) {
            double[] scores = critic.score(List.of(expert.contextAt(0)), List.of(CANDIDATES)).get(0);
            assertThat(scores).containsOnly(0.5);
            var retry = server.chatRequests().get(1).body().get("messages");
            assertThat(retry.get(retry.size() - 1).get("content").asText())
                    .contains("there is no candidate 9; the numbers are 1 to 4");
            assertThat(server.chatRequests()).hasSize(2);
        }
    }

    @Test
    void judgesABatchConcurrentlyAndIsolatesFailures() {
        AgentContext failing = expert.contextAt(3);
        CountDownLatch arrived = new CountDownLatch(3);
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> {
                 if (e.body().get("messages").get(1).get("content").asText().contains("3. Observation")) {
                     return Reply.status(500, "overloaded");
                 }
                 arrived.countDown();
                 try {
                     arrived.await(10, TimeUnit.SECONDS);
                 } catch (InterruptedException interrupted) {
                     Thread.currentThread().interrupt();
                 }
                 return judge(e);
             });
             Critic critic = critic(server, Map.of("maxPicks", 1))) {
            List<AgentContext> contexts = List.of(expert.contextAt(0), expert.contextAt(1), failing,
                    expert.contextAt(0));
            List<double[]> scores = critic.score(contexts, List.of(CANDIDATES, CANDIDATES, CANDIDATES, CANDIDATES));
            assertThat(scores.get(0)[2]).isEqualTo(1.0);
            assertThat(scores.get(2)).as("could not judge").isNull();
            assertThat(server.maxInFlight()).as("the three judged contexts were asked at once").isGreaterThanOrEqualTo(3);
        }
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> Reply.status(500, "overloaded"));
             Critic critic = critic(server, Map.of())) {
            assertThat(critic.score(List.of(failing, failing), List.of(CANDIDATES, CANDIDATES)))
                    .as("every context failed: no scores, however batched").containsExactly(null, null);
        }
    }

    @Test
    void singleCandidatesNeedNoRequest() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> judge(e));
             Critic critic = critic(server, Map.of())) {
            List<double[]> scores = critic.score(List.of(expert.contextAt(0), expert.contextAt(0)),
                    List.of(List.of(Action.of("click[+1]")), List.of()));
            assertThat(scores.get(0)).containsExactly(1.0);
            assertThat(scores.get(1)).isEmpty();
            assertThat(server.chatRequests()).isEmpty();
        }
    }

    @Test
    void withoutServerAndModelItJudgesWithTheLlmPolicysBaseModel() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> judge(e))) {
            FakeComponentContext builder = new FakeComponentContext(5, runDirectory).register(new LlmPolicyFactory());
            try (LlmPolicy policy = (LlmPolicy) builder.create(builder.config(PolicyConfig.class, Map.of("type", "llm",
                    "baseUrl", server.baseUrl().toString(), "model", "base-model")))) {
                policy.switchModel("trained-model", null);
                FakeMethodContext method = new FakeMethodContext(5, runDirectory, environment, policy);
                method.register(new LlmCriticFactory());
                try (Critic critic = method.create(method.config(CriticConfig.class, Map.of("type", "llm-critic",
                        "maxPicks", 1)))) {
                    double[] scores = critic.score(List.of(expert.contextAt(0)), List.of(CANDIDATES)).get(0);
                    assertThat(scores[2]).isEqualTo(1.0);
                }
                assertThat(server.chatRequests()).singleElement().satisfies(r ->
                        assertThat(r.body().get("model").asText()).as("the frozen base model judges")
                                .isEqualTo("base-model"));
                assertThat(method.recordedMetrics()).anySatisfy(m -> {
                    assertThat(m.event()).isEqualTo("llm-critic");
                    assertThat(m.fields().get("requests")).isEqualTo(1L);
                    assertThat(m.fields().get("contexts")).isEqualTo(1L);
                    assertThat(m.fields().get("model")).isEqualTo("base-model");
                });

                try (FakeOpenAiServer other = FakeOpenAiServer.start((e, call) -> judge(e));
                     Critic critic = method.create(method.config(CriticConfig.class, Map.of("type", "llm-critic",
                             "baseUrl", other.baseUrl().toString(), "maxPicks", 1)))) {
                    critic.score(List.of(expert.contextAt(0)), List.of(CANDIDATES));
                    assertThat(other.chatRequests()).singleElement().satisfies(r ->
                            assertThat(r.body().get("model").asText()).isEqualTo("base-model"));
                }
            }
        }
    }

    @Test
    void withoutServerOrModelItNeedsAnLlmPolicy() {
        FakeComponentContext plain = new FakeComponentContext(5, runDirectory).register(new LlmCriticFactory());
        CriticConfig followsPolicy = plain.config(CriticConfig.class, Map.of("type", "llm-critic"));
        assertThatThrownBy(() -> plain.create(followsPolicy))
                .hasMessageContaining("baseUrl and model may be left out only where the recipe's policy is the llm "
                        + "policy").hasMessageContaining("no policy is at hand here")
                .hasMessageContaining("e.g. {type: llm-critic, baseUrl: http://localhost:8000/v1");
        FakeMethodContext tabular = new FakeMethodContext(5, runDirectory, environment, new TabularPolicy(0));
        tabular.register(new LlmCriticFactory());
        assertThatThrownBy(() -> tabular.create(tabular.config(CriticConfig.class, Map.of("type", "llm-critic",
                "baseUrl", "http://localhost:1/v1")))).hasMessageContaining("the policy is TabularPolicy");
    }

    @Test
    void badConfigsAreRejected() {
        FakeComponentContext context = new FakeComponentContext(5, runDirectory).register(new LlmCriticFactory());
        assertThatThrownBy(() -> context.config(CriticConfig.class, Map.of("type", "llm-critic",
                "baseUrl", "http://localhost:1/v1", "model", "m", "procedure", "tournament")))
                .hasMessageContaining("unknown procedure 'tournament'; allowed: [iterative, single-call]");
        assertThatThrownBy(() -> context.config(CriticConfig.class, Map.of("type", "llm-critic",
                "baseUrl", "http://localhost:1/v1", "model", "m", "procedure", "single-call", "maxPicks", 2)))
                .rootCause().hasMessageContaining("maxPicks applies to procedure iterative only");
        assertThatThrownBy(() -> context.config(CriticConfig.class, Map.of("type", "llm-critic",
                "baseUrl", "http://localhost:1/v1", "model", "m", "maxPicks", 0)))
                .rootCause().hasMessageContaining("maxPicks must be a finite number >= 1, got 0");
        assertThatThrownBy(() -> context.config(CriticConfig.class, Map.of("type", "llm-critic",
                "baseUrl", "localhost:8000", "model", "m")))
                .rootCause().hasMessageContaining("baseUrl must be an http:// or https:// URL such as "
                        + "http://localhost:8000/v1, got 'localhost:8000'");
        assertThatThrownBy(() -> context.config(CriticConfig.class, Map.of("type", "llm-critic", "model", " ")))
                .rootCause().hasMessageContaining("model must name the model the server serves, or be left out");
    }
}
