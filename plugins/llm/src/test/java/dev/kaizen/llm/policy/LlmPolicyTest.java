package dev.kaizen.llm.policy;

import static dev.kaizen.llm.testing.FakeOpenAiServer.Reply;
import static dev.kaizen.llm.testing.FakeOpenAiServer.completion;
import static dev.kaizen.llm.testing.FakeOpenAiServer.completionWithLogprobs;
import static dev.kaizen.llm.testing.FakeOpenAiServer.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.Requirement;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Candidate;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.PolicyConfig;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.llm.client.LlmServerException;
import dev.kaizen.llm.testing.FakeOpenAiServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmPolicyTest {

    private static final Pattern COUNTER = Pattern.compile("set the counter to (\\d+)\\. Value: (-?\\d+)");

    @TempDir
    Path runDirectory;

    private final CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());

    /** A model that plays the counter game well: +1 until the target, then submit. */
    private static Reply counterPlayer(FakeOpenAiServer.Exchange exchange) {
        Matcher m = COUNTER.matcher(exchange.lastUserMessage());
        String action = "click[submit]";
        if (m.find() && Integer.parseInt(m.group(2)) < Integer.parseInt(m.group(1))) {
            action = "click[+1]";
        }
        return Reply.json(completion("Thought: compare the value with the target.\nAction: " + action));
    }

    /** Waits until every expected request has arrived (or 10 s): answers only when all are in flight. */
    static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private FakeComponentContext context() {
        return new FakeComponentContext(7, runDirectory).register(new LlmPolicyFactory());
    }

    private Policy policy(FakeComponentContext context, FakeOpenAiServer server, Map<String, Object> more) {
        Map<String, Object> fields = new HashMap<>(Map.of("type", "llm", "baseUrl", server.baseUrl().toString(),
                "model", "test-model", "maxRetries", 1, "initialBackoffMillis", 10, "maxBackoffMillis", 20,
                "requestTimeoutSeconds", 5));
        fields.putAll(more);
        return context.create(context.config(PolicyConfig.class, fields));
    }

    private AgentContext start(int index) {
        Task task = environment.tasks(Split.SEEN).get(index);
        try (Episode episode = environment.reset(task, 1)) {
            return AgentContext.start(task, episode.observation());
        }
    }

    @Test
    void thePolicyOffersItsTraitsToPartsThatNeedThem() {
        assertThat(new LlmPolicyFactory().traits()).as("it talks to a chat model and writes its own actions")
                .containsExactlyInAnyOrder(Requirement.CHAT_MODEL, Requirement.FREE_TEXT);
    }

    @Test
    void solvesTheCounterEnvironmentThroughTheRolloutService() {
        FakeComponentContext context = context();
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> counterPlayer(e));
             Policy policy = policy(context, server, Map.of())) {
            List<Task> tasks = environment.tasks(Split.SEEN).subList(0, 5);
            List<Trajectory> done = context.rollouts().run(new RolloutRequest(environment, tasks, policy,
                    Sampling.greedy(), "eval/seen"));

            assertThat(done).allSatisfy(t -> assertThat(t.success()).isTrue());
            assertThat(done.get(0).steps().get(0).action()).isEqualTo(Action.of("click[+1]"));
            assertThat(server.chatRequests()).allSatisfy(e -> {
                assertThat(e.body().get("temperature").asDouble()).isZero();
                assertThat(e.body().get("model").asText()).isEqualTo("test-model");
            });
        }
        assertThat(context.recordedMetrics()).anySatisfy(m -> {
            assertThat(m.event()).isEqualTo("llm-policy");
            assertThat(m.fields().get("invalidActions")).isEqualTo(0L);
        });
    }

    @Test
    void aBatchBecomesConcurrentRequests() {
        CountDownLatch arrived = new CountDownLatch(8);
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> {
                 arrived.countDown();
                 await(arrived);
                 return counterPlayer(e);
             });
             Policy policy = policy(context(), server, Map.of())) {
            List<AgentContext> batch = java.util.stream.IntStream.range(0, 8).mapToObj(this::start).toList();
            List<Decision> decisions = policy.decide(batch, Sampling.greedy());
            assertThat(decisions).hasSize(8).allSatisfy(d -> assertThat(d.action()).isEqualTo(Action.of("click[+1]")));
            assertThat(server.maxInFlight()).isEqualTo(8);
        }
    }

    @Test
    void repairsAReplyInTheWrongSyntaxOnce() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> call == 0
                ? Reply.json(completion("I think I should press plus one."))
                : Reply.json(completion("Thought: sorry.\nAction: click[+1]")));
             Policy policy = policy(context(), server, Map.of())) {
            Decision decision = policy.decide(List.of(start(0)), Sampling.greedy()).get(0);

            assertThat(decision.action()).isEqualTo(Action.of("click[+1]"));
            List<FakeOpenAiServer.Exchange> sent = server.chatRequests();
            assertThat(sent).hasSize(2);
            var messages = sent.get(1).body().get("messages");
            assertThat(messages.get(messages.size() - 2).get("content").asText())
                    .isEqualTo("I think I should press plus one.");
            assertThat(messages.get(messages.size() - 1).get("content").asText())
                    .contains("the reply has no line starting with 'Action:'");
        }
    }

    @Test
    void recordsAnInvalidActionAfterTheRepairFails() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) ->
                Reply.json(completion("Thought: hm.\nAction: jump[high]")));
             Policy policy = policy(context(), server, Map.of())) {
            AgentContext context = start(0);
            Decision decision = policy.decide(List.of(context), Sampling.greedy()).get(0);

            assertThat(server.chatRequests()).hasSize(2);
            assertThat(decision.action()).isEqualTo(Action.of("jump[high]"));
            assertThat(decision.candidates().get(0).logProbability()).isNaN();
            try (Episode episode = environment.reset(context.task(), 1)) {
                Observation after = episode.step(decision.action());
                assertThat(after.feedback()).contains("invalid action 'jump[high]'");
            }
        }
    }

    @Test
    void severalCandidatesComeFromNWithTheirLogprobs() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> Reply.json(completionWithLogprobs(-0.25,
                "Action: click[+1]", "Action: click[submit]", "Action: click[+1]", "Action: enter[4]")));
             Policy policy = policy(context(), server, Map.of())) {
            Decision decision = policy.decide(List.of(start(0)), new Sampling(4, 0.0, 9)).get(0);

            assertThat(decision.candidates()).extracting(Candidate::action).containsExactly(
                    Action.of("click[+1]"), Action.of("click[submit]"), Action.of("enter[4]"));
            assertThat(decision.candidates()).extracting(Candidate::logProbability).containsOnly(-0.25);
            var body = server.chatRequests().get(0).body();
            assertThat(body.get("n").asInt()).isEqualTo(4);
            assertThat(body.get("temperature").asDouble()).as("greedy with several candidates samples").isEqualTo(0.7);
        }
    }

    @Test
    void theSeedDependsOnTheContextNotTheBatch() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> counterPlayer(e));
             Policy policy = policy(context(), server, Map.of())) {
            policy.decide(List.of(start(0), start(1)), Sampling.sample(1.0, 5));
            policy.decide(List.of(start(1)), Sampling.sample(1.0, 5));
            List<Long> seeds = server.chatRequests().stream().map(e -> e.body().get("seed").asLong()).toList();
            assertThat(seeds.get(2)).isIn(seeds.get(0), seeds.get(1));
            assertThat(seeds.get(0)).isNotEqualTo(seeds.get(1));
        }
    }

    @Test
    void aFailedContextGetsAnEmptyDecisionWhileTheOthersGoOn() {
        List<AgentContext> batch = List.of(start(0), start(1), start(2));
        String failing = batch.get(0).task().instruction() + ".";
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> e.lastUserMessage().contains(failing)
                ? Reply.status(500, error("boom")) : counterPlayer(e));
             Policy policy = policy(context(), server, Map.of())) {
            List<Decision> decisions = policy.decide(batch, Sampling.greedy());
            assertThat(decisions.get(0).isEmpty()).isTrue();
            assertThat(decisions.subList(1, 3)).allSatisfy(d -> assertThat(d.isEmpty()).isFalse());
        }
    }

    @Test
    void aServerThatFailsEveryContextFailsEachDecisionAndOnlyABadModelEndsTheCall() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> Reply.status(502, "Bad Gateway"));
             Policy policy = policy(context(), server, Map.of())) {
            // the same outcome whether the failing contexts came alone or together
            List<Decision> together = policy.decide(List.of(start(0), start(1)), Sampling.greedy());
            List<Decision> alone = policy.decide(List.of(start(1)), Sampling.greedy());
            assertThat(together).allSatisfy(d -> {
                assertThat(d.isFailed()).isTrue();
                assertThat(d.failure()).contains("502: Bad Gateway");
            });
            assertThat(alone.get(0).failure()).isEqualTo(together.get(1).failure());
        }
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) ->
                Reply.status(404, error("The model `test-model` does not exist."))
        ); Policy policy = policy(context(), server, Map.of())) {
            assertThatThrownBy(() -> policy.decide(List.of(start(0)), Sampling.greedy()))
                    .isInstanceOf(LlmServerException.class).hasMessageContaining("does not exist");
        }
    }

    @Test
    void checkpointsTheModelItTalksTo(@TempDir Path checkpoint) throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> counterPlayer(e));
             FakeOpenAiServer other = FakeOpenAiServer.start((e, call) -> counterPlayer(e));
             LlmPolicy policy = (LlmPolicy) policy(context(), server, Map.of());
             LlmPolicy resumed = (LlmPolicy) policy(context(), server, Map.of())) {
            policy.switchModel("trained/iter-1", other.baseUrl());
            policy.save(checkpoint);
            resumed.load(checkpoint);

            assertThat(resumed.model()).isEqualTo("trained/iter-1");
            assertThat(resumed.baseUrl()).isEqualTo(other.baseUrl());
            resumed.decide(List.of(start(0)), Sampling.greedy());
            assertThat(other.chatRequests()).hasSize(1);
            assertThat(other.chatRequests().get(0).body().get("model").asText()).isEqualTo("trained/iter-1");
        }
    }

    @Test
    void badConfigsAreRejectedWithTheFieldAndWhatIsAllowed() {
        FakeComponentContext context = context();
        assertThatThrownBy(() -> context.config(PolicyConfig.class, Map.of("type", "llm", "model", "m")))
                .rootCause().hasMessageContaining("baseUrl is required");
        assertThatThrownBy(() -> context.config(PolicyConfig.class, Map.of("type", "llm", "baseUrl", "localhost:8000",
                "model", "m"))).rootCause().hasMessageContaining("baseUrl must be an http:// or https:// URL")
                .hasMessageContaining("'localhost:8000'");
        assertThatThrownBy(() -> context.config(PolicyConfig.class, Map.of("type", "llm",
                "baseUrl", "http://localhost:8000/v1"))).rootCause().hasMessageContaining("model is required");
        assertThatThrownBy(() -> context.config(PolicyConfig.class, Map.of("type", "llm",
                "baseUrl", "http://localhost:8000/v1", "model", "m", "maxTokens", 0)))
                .rootCause().hasMessageContaining("maxTokens must be a finite number >= 1, got 0");
        assertThatThrownBy(() -> context.config(PolicyConfig.class, Map.of("type", "llm",
                "baseUrl", "http://localhost:8000/v1", "model", "m", "topP", 1.5)))
                .rootCause().hasMessageContaining("topP must be in (0, 1], got 1.5");
        assertThatThrownBy(() -> context.config(PolicyConfig.class, Map.of("type", "llm",
                "baseUrl", "http://localhost:8000/v1", "model", "m", "temprature", 0.5)))
                .hasMessageContaining("temprature");
        assertThatThrownBy(() -> context.create(context.config(PolicyConfig.class, Map.of("type", "llm",
                "baseUrl", "http://localhost:8000/v1", "model", "m", "apiKeyEnv", "KAIZEN_NO_SUCH_VARIABLE"))))
                .hasMessageContaining("environment variable 'KAIZEN_NO_SUCH_VARIABLE' named by apiKeyEnv is not set");
    }
}
