package dev.kaizen.agentgym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.EnvironmentConfig;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentGymEnvironmentTest {

    private static final Pattern COUNTER = Pattern.compile("Target: (\\d+)\\. Value: (\\d+)\\.");

    @TempDir
    Path runDirectory;

    /** Plays the fake server's counter game: raise to the target, then submit; runs a hook on its second call. */
    static final class CounterPlayer implements Policy {
        private final boolean clicks;
        private final Runnable onSecondCall;
        int calls;

        CounterPlayer(boolean clicks, Runnable onSecondCall) {
            this.clicks = clicks;
            this.onSecondCall = onSecondCall;
        }

        @Override
        public List<Decision> decide(List<AgentContext> contexts, Sampling sampling) {
            List<Decision> out = new ArrayList<>();
            for (AgentContext context : contexts) {
                Matcher m = COUNTER.matcher(context.observation().text());
                boolean below = m.find() && Integer.parseInt(m.group(2)) < Integer.parseInt(m.group(1));
                String action = below ? (clicks ? "click[+1]" : "add 1") : (clicks ? "click[submit]" : "submit");
                out.add(Decision.of(Action.of(action), 0.0));
            }
            if (calls++ == 1 && onSecondCall != null) {
                onSecondCall.run();
            }
            return out;
        }
    }

    private FakeComponentContext context() {
        return new FakeComponentContext(3, runDirectory).register(new AgentGymFactory());
    }

    private Environment environment(FakeComponentContext context, FakeAgentGymServer server, String env,
                                    Map<String, Object> more) {
        Map<String, Object> fields = new HashMap<>(Map.of("type", "agentgym", "baseUrl", server.baseUrl().toString(),
                "env", env, "train", "0-3", "seen", "4-7", "unseen", "8-11", "requestTimeoutSeconds", 5));
        fields.putAll(more);
        return context.create(context.config(EnvironmentConfig.class, fields));
    }

    @Test
    void playsEpisodesThroughTheRolloutServiceWithTheIdProtocol() {
        FakeComponentContext context = context();
        try (FakeAgentGymServer server = FakeAgentGymServer.start(FakeAgentGymServer.Options.id());
             Environment environment = environment(context, server, "textcraft", Map.of())) {
            List<Task> tasks = environment.tasks(Split.SEEN);
            assertThat(tasks).extracting(Task::id).containsExactly("textcraft-4", "textcraft-5", "textcraft-6",
                    "textcraft-7");
            assertThat(tasks.get(0).info()).containsEntry("dataIdx", "4").containsEntry("env", "textcraft");

            List<Trajectory> done = context.rollouts().run(new RolloutRequest(environment, tasks,
                    new CounterPlayer(false, null), Sampling.greedy(), "eval/seen"));

            assertThat(done).allSatisfy(t -> assertThat(t.success()).isTrue());
            assertThat(done.get(1).length()).isEqualTo(5 % 4 + 1 + 1);
            assertThat(done.get(0).steps().get(0).observation().templates()).containsExactly("{}");
            assertThat(server.closedInstances()).isEqualTo(4);
            assertThat(server.liveInstances()).isZero();
        }
    }

    @Test
    void speaksTheIdWireFormat() {
        try (FakeAgentGymServer server = FakeAgentGymServer.start(FakeAgentGymServer.Options.id());
             Environment environment = environment(context(), server, "babyai", Map.of("rewardField", "reward"))) {
            Task task = environment.tasks(Split.TRAIN).get(2);
            try (Episode episode = environment.reset(task, 1)) {
                assertThat(episode.observation().text()).isEqualTo("You are at a counter. Target: 3. Value: 0.");
                episode.step(Action.of("add 1"));
            }
            List<FakeAgentGymServer.Request> sent = server.requests();
            assertThat(sent).extracting(r -> r.method() + " " + r.path())
                    .containsExactly("POST /create", "POST /reset", "POST /step", "POST /close");
            assertThat(sent.get(0).body().toString()).isEqualTo("{}");
            assertThat(sent.get(1).body().toString()).isEqualTo("{\"id\":1,\"data_idx\":2}");
            assertThat(sent.get(2).body().toString()).isEqualTo("{\"id\":1,\"action\":\"add 1\"}");
            assertThat(sent.get(3).body().toString()).isEqualTo("{\"id\":1}");
            assertThat(sent).as("one kept-alive connection").extracting(FakeAgentGymServer.Request::clientPort)
                    .containsOnly(sent.get(0).clientPort());
        }
    }


    @Test
    void speaksWebShopsEnvIdxWireFormatWithAvailableActions() {
        FakeComponentContext context = context();
        try (FakeAgentGymServer server = FakeAgentGymServer.start(FakeAgentGymServer.Options.envIdx());
             Environment environment = environment(context, server, "webshop", Map.of())) {
            Task task = environment.tasks(Split.TRAIN).get(1);
            try (Episode episode = environment.reset(task, 1)) {
                Observation start = episode.observation();
                assertThat(start.text()).isEqualTo("Counter Target: 2. Value: 0.");
                assertThat(start.actions()).containsExactly(Action.of("click[+1]"), Action.of("click[submit]"));
                assertThat(start.templates()).containsExactly("search[{}]");
                Observation next = episode.step(Action.of("click[+1]"));
                assertThat(next.text()).isEqualTo("The counter goes up. Target: 2. Value: 1.");
                assertThat(next.done()).isFalse();
            }
            List<FakeAgentGymServer.Request> sent = server.requests();
            assertThat(sent).extracting(r -> r.method() + " " + r.path() + (r.query() == null ? "" : "?" + r.query()))
                    .containsExactly("POST /create", "POST /reset", "GET /observation?env_idx=1",
                            "GET /available_actions?env_idx=1", "POST /step", "GET /available_actions?env_idx=1",
                            "POST /close");
            assertThat(sent.get(1).body().toString()).isEqualTo("{\"env_idx\":1,\"session_id\":1}");
            assertThat(sent.get(4).body().toString()).isEqualTo("{\"env_idx\":1,\"action\":\"click[+1]\"}");

            List<Trajectory> done = context.rollouts().run(new RolloutRequest(environment,
                    environment.tasks(Split.UNSEEN), new CounterPlayer(true, null), Sampling.greedy(), "eval"));
            assertThat(done).allSatisfy(t -> assertThat(t.success()).isTrue());
        }
    }

    @Test
    void anErrorBodyWithStatus200FailsTheEpisodeClearly() {
        try (FakeAgentGymServer server = FakeAgentGymServer.start(FakeAgentGymServer.Options.id()).errorOnStep(5);
             Environment environment = environment(context(), server, "sciworld", Map.of())) {
            Task task = environment.tasks(Split.SEEN).get(1);
            try (Episode episode = environment.reset(task, 1)) {
                assertThatThrownBy(() -> episode.step(Action.of("add 1")))
                        .isInstanceOf(AgentGymException.class)
                        .hasMessageContaining("AgentGym server " + server.baseUrl() + " reported an error for POST /step")
                        .hasMessageContaining("task sciworld-5, id 1, step 1")
                        .hasMessageContaining("simulated failure of the environment");
            }
        }
    }

    @Test
    void aServerThatRestartsMidRunFailsThoseEpisodesAndTheRunGoesOn() {
        FakeComponentContext context = context();
        FakeAgentGymServer server = FakeAgentGymServer.start(FakeAgentGymServer.Options.id());
        try (Environment environment = environment(context, server, "textcraft", Map.of("createRetries", 3))) {
            int port = server.port();
            FakeAgentGymServer[] current = {server};
            Runnable restart = () -> {
                current[0].close();
                try {
                    Thread.sleep(AgentGymClient.CHECK_AFTER_IDLE.toMilliseconds() + 100); // a restart takes a moment
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                current[0] = FakeAgentGymServer.start(FakeAgentGymServer.Options.id(), port);
            };
            List<Trajectory> interrupted = context.rollouts().run(new RolloutRequest(environment,
                    environment.tasks(Split.SEEN), new CounterPlayer(false, restart), Sampling.greedy(), "explore"));

            assertThat(interrupted).allSatisfy(t -> {
                assertThat(t.success()).isFalse();
                assertThat(t.error()).contains("is not valid").contains("if the server restarted, its episodes are lost");
                assertThat(t.steps()).hasSize(1);
            });

            List<Trajectory> after = context.rollouts().run(new RolloutRequest(environment,
                    environment.tasks(Split.SEEN), new CounterPlayer(false, null), Sampling.greedy(), "explore-2"));
            assertThat(after).allSatisfy(t -> assertThat(t.success()).isTrue());
            current[0].close();
        } finally {
            server.close();
        }
    }

    @Test
    void aWebShopServerThatForgotItsInstancesFailsTheEpisodeWithItsAnswer() {
        try (FakeAgentGymServer server = FakeAgentGymServer.start(FakeAgentGymServer.Options.envIdx());
             Environment environment = environment(context(), server, "webshop", Map.of())) {
            try (Episode episode = environment.reset(environment.tasks(Split.TRAIN).get(1), 1)) {
                episode.step(Action.of("click[+1]"));
                server.forgetEverything();
                assertThatThrownBy(() -> episode.step(Action.of("click[submit]")))
                        .isInstanceOf(AgentGymException.class)
                        .hasMessageContaining("answered 500 to POST /step for task webshop-1, env_idx 1, step 2")
                        .hasMessageContaining("if the server restarted, its episodes are lost");
            }
            try (Episode fresh = environment.reset(environment.tasks(Split.TRAIN).get(1), 1)) {
                assertThat(fresh.step(Action.of("click[+1]")).text()).startsWith("The counter goes up.");
            }
        }
    }

    @Test
    void aServerThatIsDownIsReportedAndCreationRetries() {
        FakeAgentGymServer server = FakeAgentGymServer.start(FakeAgentGymServer.Options.id());
        int port = server.port();
        try (Environment environment = environment(context(), server, "textcraft", Map.of("createRetries", 1))) {
            Task task = environment.tasks(Split.TRAIN).get(0);
            Episode episode = environment.reset(task, 1);
            server.close();
            assertThatThrownBy(() -> episode.step(Action.of("add 1")))
                    .isInstanceOf(AgentGymException.class)
                    .hasMessageContaining("cannot reach AgentGym server http://127.0.0.1:" + port + " (POST /step")
                    .hasMessageContaining("is the server running");
            episode.close();
            assertThatThrownBy(() -> environment.reset(task, 1))
                    .isInstanceOf(AgentGymException.class)
                    .hasMessageContaining("could not create an environment for task textcraft-0 after 2 attempts");
        }
    }

    @Test
    void slowAnswersTimeOut() {
        try (FakeAgentGymServer server = FakeAgentGymServer.start(FakeAgentGymServer.Options.id());
             Environment environment = environment(context(), server, "textcraft",
                     Map.of("requestTimeoutSeconds", 1.5))) {
            Task task = environment.tasks(Split.TRAIN).get(0);
            try (Episode episode = environment.reset(task, 1)) {
                server.delay(4000);
                assertThatThrownBy(() -> episode.step(Action.of("add 1")))
                        .isInstanceOf(AgentGymException.class)
                        .hasMessageContaining("did not answer POST /step for task textcraft-0, id ")
                        .hasMessageContaining(", step 1 within 1500 ms");
                server.delay(0);
            }
        }
    }

    @Test
    void invalidActionsGetFeedbackWithoutReachingTheServer() {
        try (FakeAgentGymServer server = FakeAgentGymServer.start(FakeAgentGymServer.Options.envIdx());
             Environment environment = environment(context(), server, "webshop", Map.of("maxSteps", 2))) {
            try (Episode episode = environment.reset(environment.tasks(Split.TRAIN).get(3), 1)) {
                int before = server.requests().size();
                Observation bad = episode.step(Action.of("click[Buy Now]"));
                assertThat(server.requests()).hasSize(before);
                assertThat(bad.feedback()).isEqualTo("invalid action 'click[Buy Now]': use one of the valid actions "
                        + "or templates");
                assertThat(bad.text()).endsWith(bad.feedback());
                assertThat(bad.reward()).isZero();
                assertThat(bad.done()).isFalse();
                Observation last = episode.step(Action.of("click[+1]"));
                assertThat(last.done()).isTrue();
                assertThat(last.feedback()).isEqualTo("out of steps (maxSteps 2)");
                assertThat(episode.step(Action.of("click[+1]")).feedback()).contains("the episode has ended");
            }
        }
        try (FakeAgentGymServer server = FakeAgentGymServer.start(FakeAgentGymServer.Options.id());
             Environment environment = environment(context(), server, "alfworld", Map.of())) {
            try (Episode episode = environment.reset(environment.tasks(Split.TRAIN).get(0), 1)) {
                assertThat(episode.step(Action.of("")).feedback()).contains("write a non-empty action");
                assertThat(episode.step(Action.of("dance")).text()).startsWith("Nothing happens.");
            }
        }
    }

    @Test
    void aCumulativeScoreBecomesStepRewardsSummingToIt() {
        try (FakeAgentGymServer server = FakeAgentGymServer.start(FakeAgentGymServer.Options.id().withCumulativeScore());
             Environment environment = environment(context(), server, "babyai", Map.of())) {
            try (Episode episode = environment.reset(environment.tasks(Split.TRAIN).get(0), 1)) {
                assertThat(episode.step(Action.of("add 1")).reward()).isZero();
                Observation end = episode.step(Action.of("submit"));
                assertThat(end.done()).isTrue();
                assertThat(end.reward()).isEqualTo(1.0);
            }
        }
    }

    @Test
    void aServerWithoutCloseIsAskedOnlyOnce() {
        try (FakeAgentGymServer server = FakeAgentGymServer.start(FakeAgentGymServer.Options.id().withoutClose());
             Environment environment = environment(context(), server, "textcraft", Map.of())) {
            for (int i = 0; i < 3; i++) {
                environment.reset(environment.tasks(Split.TRAIN).get(i), 1).close();
            }
            assertThat(server.requests()).filteredOn(r -> r.path().equals("/close")).hasSize(1);
        }
    }

    @Test
    void replaysAgentGymTrajectoriesAsDemonstrations() throws Exception {
        Path file = runDirectory.resolve("textcraft_train.json");
        try (InputStream in = getClass().getResourceAsStream("/agenttraj-sample.json")) {
            Files.write(file, in.readAllBytes());
        }
        try (FakeAgentGymServer server = FakeAgentGymServer.start(FakeAgentGymServer.Options.id());
             Environment environment = environment(context(), server, "textcraft",
                     Map.of("demonstrations", file.toString()))) {
            Trajectory expert = environment.demonstration(environment.tasks(Split.TRAIN).get(1)).orElseThrow();
            assertThat(expert.source()).isEqualTo(TrajectorySource.EXPERT);
            assertThat(expert.success()).isTrue();
            assertThat(expert.steps()).extracting(s -> s.action().text()).containsExactly("add 1", "add 1", "submit");
            assertThat(expert.steps().get(1).observation().text()).isEqualTo("The counter goes up. Target: 2. Value: 1.");
            assertThat(environment.demonstration(environment.tasks(Split.TRAIN).get(1))).containsSame(expert);
            assertThat(environment.demonstration(environment.tasks(Split.TRAIN).get(0))).isEmpty();
            assertThat(environment.demonstration(environment.tasks(Split.TRAIN).get(3)))
                    .as("item of another environment family").isEmpty();
        }
    }

    @Test
    void readsJsonLinesDemonstrationsAndRejectsBrokenFiles() throws Exception {
        Path lines = runDirectory.resolve("demo.jsonl");
        Files.writeString(lines, "{\"item_id\": \"textcraft_2\", \"conversations\": [{\"from\": \"human\", \"value\": "
                + "\"go\"}, {\"from\": \"gpt\", \"value\": \"OK\"}, {\"from\": \"human\", \"value\": \"obs\"}, "
                + "{\"from\": \"gpt\", \"value\": \"Thought: up.\\nAction: add 1\"}]}\n", StandardCharsets.UTF_8);
        assertThat(Demonstrations.load(lines, "textcraft").actions(2)).containsExactly("add 1");

        Path broken = runDirectory.resolve("broken.jsonl");
        Files.writeString(broken, "{\"item_id\": \"textcraft_1\", \"conversations\": []}\n{\"item_id\": oops}\n");
        assertThatThrownBy(() -> Demonstrations.load(broken, "textcraft"))
                .hasMessageContaining("demonstrations file " + broken + ", line 2: not valid JSON");
        Path missing = runDirectory.resolve("missing.json");
        assertThatThrownBy(() -> Demonstrations.load(missing, "textcraft")).hasMessageContaining("does not exist");
        Path shapeless = runDirectory.resolve("shapeless.json");
        Files.writeString(shapeless, "[{\"id\": 1}]");
        assertThatThrownBy(() -> Demonstrations.load(shapeless, "textcraft"))
                .hasMessageContaining("item 1: needs \"item_id\"");
    }

    @Test
    void configsTakeFamilyDefaultsAndRejectBadValues() {
        FakeComponentContext context = context();
        AgentGymConfig webshop = (AgentGymConfig) context.config(EnvironmentConfig.class, Map.of("type", "agentgym",
                "baseUrl", "http://localhost:36001/", "env", "webshop", "train", "0-9"));
        assertThat(webshop.protocol()).isEqualTo(Protocol.ENV_IDX);
        assertThat(webshop.availableActions()).isTrue();
        assertThat(webshop.rewardField()).isEqualTo("reward");
        AgentGymConfig sciworld = (AgentGymConfig) context.config(EnvironmentConfig.class, Map.of("type", "agentgym",
                "baseUrl", "http://localhost:36001", "env", "sciworld", "seen", "3"));
        assertThat(sciworld.protocol()).isEqualTo(Protocol.ID);
        assertThat(sciworld.rewardField()).isEqualTo("score");
        assertThat(sciworld.rewardScale()).isEqualTo(0.01);

        Map<String, Object> base = Map.of("type", "agentgym", "baseUrl", "http://localhost:36001", "env", "webshop");
        assertThatThrownBy(() -> context.config(EnvironmentConfig.class, base)).rootCause()
                .hasMessageContaining("no tasks: give task indices in train, seen and/or unseen");
        assertThatThrownBy(() -> context.config(EnvironmentConfig.class, with(base, "train", "0-9", "seen", "5-12")))
                .rootCause().hasMessageContaining("task 5 is in both train and seen");
        assertThatThrownBy(() -> context.config(EnvironmentConfig.class, with(base, "train", "9-3"))).rootCause()
                .hasMessageContaining("train: '9-3' is not a task index or range");
        assertThatThrownBy(() -> context.config(EnvironmentConfig.class, with(base, "train", "1", "protocol", "rest")))
                .hasMessageContaining("unknown protocol 'rest'; allowed: [id, env-idx]");
        assertThatThrownBy(() -> context.config(EnvironmentConfig.class, with(base, "train", "1", "env", "Web Shop")))
                .rootCause().hasMessageContaining("env is required: the AgentGym environment family in lowercase");
        assertThatThrownBy(() -> context.config(EnvironmentConfig.class, with(base, "train", "1", "baseUrl", "36001")))
                .rootCause().hasMessageContaining("baseUrl must be an http:// or https:// URL");
        assertThatThrownBy(() -> context.config(EnvironmentConfig.class, with(base, "train", "1", "maxSteps", 0)))
                .rootCause().hasMessageContaining("maxSteps must be >= 1, got 0");
        assertThatThrownBy(() -> context.create(context.config(EnvironmentConfig.class, with(base, "train", "1",
                "demonstrations", runDirectory.resolve("nope.json").toString()))))
                .hasMessageContaining("nope.json does not exist");
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... more) {
        Map<String, Object> out = new HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            out.put((String) more[i], more[i + 1]);
        }
        return out;
    }

    @Test
    void theFactoryIsInThePluginsExtensionIndex() throws Exception {
        StringBuilder listed = new StringBuilder();
        var resources = getClass().getClassLoader().getResources("META-INF/extensions.idx");
        while (resources.hasMoreElements()) {
            try (InputStream in = resources.nextElement().openStream()) {
                listed.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(listed.toString()).contains(AgentGymFactory.class.getName());
    }
}
