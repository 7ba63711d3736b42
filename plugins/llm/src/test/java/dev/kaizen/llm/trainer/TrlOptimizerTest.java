package dev.kaizen.llm.trainer;

import static dev.kaizen.llm.testing.FakeOpenAiServer.Reply;
import static dev.kaizen.llm.testing.FakeOpenAiServer.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.PolicyConfig;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.testing.TabularPolicy;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.llm.policy.LlmPolicy;
import dev.kaizen.llm.policy.LlmPolicyFactory;
import dev.kaizen.llm.testing.FakeOpenAiServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the optimiser with shell commands standing in for a trainer. */
class TrlOptimizerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path runDirectory;

    private final CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());
    private final Trajectory expert = environment.demonstration(environment.tasks(Split.TRAIN).get(1)).orElseThrow();
    private final PreferencePair pair = PreferencePair.ofSteps(expert.contextAt(1), expert.steps().get(1),
            new Step(expert.steps().get(1).observation(), Action.of("click[-1]"), 0.0), 0.5);
    private FakeComponentContext context;

    @BeforeEach
    void setUp() {
        context = new FakeComponentContext(11, runDirectory).register(new LlmPolicyFactory(), new TrlOptimizerFactory());
    }

    private LlmPolicy policy(FakeOpenAiServer server) {
        return (LlmPolicy) context.create(context.config(PolicyConfig.class, Map.of("type", "llm",
                "baseUrl", server.baseUrl().toString(), "model", "base-model", "historyWindow", 5)));
    }

    private Optimizer optimizer(Map<String, Object> fields) {
        Map<String, Object> all = new HashMap<>(fields);
        all.put("type", "trl");
        return context.create(context.config(OptimizerConfig.class, all));
    }

    private static String trainer(String script) {
        return script;
    }

    @Test
    void writesTheDataRunsTheTrainerAndSwitchesThePolicy() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> Reply.json(completion("Action: click[+1]")));
             LlmPolicy policy = policy(server);
             Optimizer optimizer = optimizer(Map.of("command", List.of("sh", "-c", trainer(
                     "echo \"training {baseModel} on {data} seed {seed}\"; echo \"{'loss': 0.6931, 'epoch': 1.0}\";"
                             + " echo \"{'loss': 0.4123, 'epoch': 2.0}\"; mkdir -p {outputDir};"
                             + " cp {data} {outputDir}/trained-on.jsonl; echo $EXTRA")),
                     "environment", Map.of("EXTRA", "iteration {iteration}"),
                     "modelTemplate", "kaizen/{iteration}"))) {
            TrainingReport report = optimizer.train(policy, TrainingBatch.ofPairs(List.of(pair), 99, "iter-1/dpo"));

            Path directory = runDirectory.resolve("trl/iter-1-dpo");
            Path data = directory.resolve("data/trl-dpo.jsonl");
            assertThat(data).exists();
            JsonNode row = MAPPER.readTree(Files.readAllLines(data).get(0));
            assertThat(row.get("prompt").size()).isEqualTo(4);
            assertThat(Files.readString(directory.resolve("model/trained-on.jsonl"))).isEqualTo(Files.readString(data));
            String log = Files.readString(directory.resolve("train.log"), StandardCharsets.UTF_8);
            assertThat(log).contains("training base-model on " + data + " seed 99").contains("iteration iter-1-dpo");
            assertThat(report.metrics()).containsEntry("loss", 0.4123).containsEntry("lossReports", 2.0)
                    .containsEntry("pairs", 1.0)
                    .containsEntry("exitCode", 0.0).containsEntry("reused", 0.0);
            assertThat(policy.model()).isEqualTo("kaizen/iter-1-dpo");
            assertThat(policy.baseUrl()).isEqualTo(server.baseUrl());

            policy.decide(List.of(expert.contextAt(0)), Sampling.greedy());
            assertThat(server.chatRequests().get(0).body().get("model").asText()).isEqualTo("kaizen/iter-1-dpo");
            assertThat(context.recordedMetrics()).anySatisfy(m -> assertThat(m.event()).isEqualTo("trl-train"));
        }
    }

    @Test
    void withoutACommandItWritesTheDataAndKeepsTheModel() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> Reply.json(completion("Action: click[+1]")));
             LlmPolicy policy = policy(server);
             Optimizer optimizer = optimizer(Map.of("pairFormat", "llamafactory-dpo"))) {
            TrainingReport report = optimizer.train(policy, new TrainingBatch(List.of(expert), List.of(pair), 3,
                    "iter-1/dpo"));

            Path data = runDirectory.resolve("trl/iter-1-dpo/data");
            assertThat(MAPPER.readTree(data.resolve("llamafactory-dpo.json").toFile())).hasSize(1);
            assertThat(MAPPER.readTree(data.resolve("dataset_info.json").toFile()).fieldNames()).toIterable()
                    .isNotEmpty();
            assertThat(Files.readAllLines(data.resolve("trl-sft.jsonl"))).hasSize(1);
            assertThat(runDirectory.resolve("trl/iter-1-dpo/train.log")).doesNotExist();
            assertThat(runDirectory.resolve("trl/iter-1-dpo/done.json")).doesNotExist();
            assertThat(report.metrics()).containsEntry("trained", 0.0).containsEntry("pairs", 1.0)
                    .containsEntry("trajectories", 1.0).doesNotContainKey("exitCode");
            assertThat(policy.model()).isEqualTo("base-model");
            assertThat(context.recordedMetrics()).anySatisfy(m -> {
                assertThat(m.event()).isEqualTo("trl-train");
                assertThat(m.fields().get("trained")).isEqualTo(0.0);
                assertThat(m.fields().get("model")).isEqualTo("base-model");
                assertThat(m.fields().get("data")).isEqualTo(data.toString());
            });
        }
    }

    @Test
    void aCommandThatNamesDataTheBatchLacksIsNotRunWithAnEmptyArgument() throws Exception {
        Path marker = runDirectory.resolve("ran");
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> Reply.json(completion("x")));
             LlmPolicy policy = policy(server);
             Optimizer optimizer = optimizer(Map.of("command", List.of("sh", "-c", "touch " + marker + "; test -s {sftData}")))) {
            TrainingReport report = optimizer.train(policy, TrainingBatch.ofPairs(List.of(pair), 3, "iter-1/dpo"));
            assertThat(marker).as("the trainer did not run").doesNotExist();
            assertThat(report.metrics()).containsEntry("trained", 0.0).containsEntry("pairs", 1.0);
            assertThat(policy.model()).isEqualTo("base-model");
        }
    }

    @Test
    void writesTrajectoriesWithTheSupervisedFormat() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> Reply.json(completion("x")));
             LlmPolicy policy = policy(server);
             Optimizer optimizer = optimizer(Map.of("command", List.of("sh", "-c", "test -s {sftData}"),
                     "sftFormat", "agentgym-sft"))) {
            TrainingReport report = optimizer.train(policy, TrainingBatch.ofTrajectories(List.of(expert), 1, "bc"));
            Path data = runDirectory.resolve("trl/bc/data/agentgym-sft.json");
            assertThat(MAPPER.readTree(data.toFile()).get(0).get("conversations")).isNotEmpty();
            assertThat(report.metrics()).containsEntry("trajectories", 1.0);
            assertThat(policy.model()).isEqualTo(runDirectory.resolve("trl/bc/model").toString());
        }
    }

    @Test
    void aFailingTrainerIsReportedWithExitCodeAndLogTail() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> Reply.json(completion("x")));
             LlmPolicy policy = policy(server);
             Optimizer optimizer = optimizer(Map.of("command", List.of("sh", "-c",
                     "echo loading; echo 'CUDA out of memory' >&2; exit 3"), "logTailLines", 2))) {
            assertThatThrownBy(() -> optimizer.train(policy, TrainingBatch.ofPairs(List.of(pair), 1, "iter-1/dpo")))
                    .isInstanceOf(ExternalTrainerException.class)
                    .hasMessageContaining("failed with exit code 3")
                    .hasMessageContaining("the policy keeps model base-model")
                    .hasMessageContaining(runDirectory.resolve("trl/iter-1-dpo/train.log").toString())
                    .hasMessageContaining("last 2 lines of the log:\nloading\nCUDA out of memory");
            assertThat(policy.model()).isEqualTo("base-model");
            assertThat(runDirectory.resolve("trl/iter-1-dpo/done.json")).doesNotExist();
        }
    }

    @Test
    void aTrainerThatRunsTooLongIsStopped() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> Reply.json(completion("x")));
             LlmPolicy policy = policy(server);
             Optimizer optimizer = optimizer(Map.of("command", List.of("sh", "-c", "echo started; sleep 30"),
                     "timeoutMinutes", 0.01))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> optimizer.train(policy, TrainingBatch.ofPairs(List.of(pair), 1, "iter-1")))
                    .isInstanceOf(ExternalTrainerException.class)
                    .hasMessageContaining("did not finish within 0.01 minutes and was stopped")
                    .hasMessageContaining("started");
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(15);
        }
    }

    @Test
    void aResumedRunReusesTheTrainedModelForTheSameData() throws Exception {
        Path counter = runDirectory.resolve("runs.txt");
        Map<String, Object> fields = Map.of("command", List.of("sh", "-c", "echo run >> " + counter),
                "modelTemplate", "trained-{iteration}");
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> Reply.json(completion("x")));
             LlmPolicy first = policy(server);
             LlmPolicy resumed = policy(server);
             Optimizer optimizer = optimizer(fields)) {
            TrainingBatch batch = TrainingBatch.ofPairs(List.of(pair), 5, "iter-2/dpo");
            optimizer.train(first, batch);
            TrainingReport again = optimizer.train(resumed, batch);

            assertThat(Files.readAllLines(counter)).hasSize(1);
            assertThat(again.metrics()).containsEntry("reused", 1.0);
            assertThat(resumed.model()).isEqualTo("trained-iter-2-dpo");

            PreferencePair other = PreferencePair.ofSteps(expert.contextAt(0), expert.steps().get(0),
                    new Step(expert.steps().get(0).observation(), Action.of("click[submit]"), 0.0), 1.0);
            optimizer.train(resumed, TrainingBatch.ofPairs(List.of(other), 5, "iter-2/dpo"));
            assertThat(Files.readAllLines(counter)).as("new data trains again").hasSize(2);
        }
    }

    @Test
    void waitsUntilTheServerListsTheNewModel() {
        AtomicInteger listings = new AtomicInteger();
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> {
                 if (e.path().endsWith("/models")) {
                     String id = listings.incrementAndGet() < 3 ? "base-model" : "new-model";
                     return Reply.json("{\"object\":\"list\",\"data\":[{\"id\":\"" + id + "\",\"object\":\"model\"}]}");
                 }
                 return Reply.json(completion("x"));
             });
             LlmPolicy policy = policy(server);
             Optimizer optimizer = optimizer(Map.of("command", List.of("true"), "modelTemplate", "new-model",
                     "readyTimeoutSeconds", 2))) {
            optimizer.train(policy, TrainingBatch.ofPairs(List.of(pair), 1, "it"));
            assertThat(listings.get()).isEqualTo(3);
            assertThat(policy.model()).isEqualTo("new-model");
        }
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) ->
                Reply.json("{\"object\":\"list\",\"data\":[]}"));
             LlmPolicy policy = policy(server);
             Optimizer optimizer = optimizer(Map.of("command", List.of("true"), "modelTemplate", "never",
                     "readyTimeoutSeconds", 0.3))) {
            assertThatThrownBy(() -> optimizer.train(policy, TrainingBatch.ofPairs(List.of(pair), 1, "it2")))
                    .isInstanceOf(ExternalTrainerException.class)
                    .hasMessageContaining("did not list model 'never' within 0.3 s");
            assertThat(policy.model()).isEqualTo("base-model");
        }
    }

    @Test
    void trainsOnlyTheLlmPolicy() {
        try (Optimizer optimizer = optimizer(Map.of("command", List.of("true")))) {
            assertThatThrownBy(() -> optimizer.train(new TabularPolicy(0), TrainingBatch.ofPairs(List.of(pair), 1, "x")))
                    .isInstanceOf(IncompatiblePartsException.class)
                    .hasMessageContaining("optimizer 'trl' trains policies of type [llm]")
                    .hasMessageContaining("got TabularPolicy");
        }
    }

    @Test
    void aMissingProgramIsReportedClearly() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> Reply.json(completion("x")));
             LlmPolicy policy = policy(server);
             Optimizer optimizer = optimizer(Map.of("command", List.of("kaizen-no-such-trainer", "{data}")))) {
            assertThatThrownBy(() -> optimizer.train(policy, TrainingBatch.ofPairs(List.of(pair), 1, "x")))
                    .isInstanceOf(ExternalTrainerException.class)
                    .hasMessageContaining("cannot start the trainer command [kaizen-no-such-trainer, ")
                    .hasMessageContaining("check the optimizer's command");
        }
    }

    @Test
    void theShippedTrainersFolderAndThePolicysServerArePlaceholders() throws Exception {
        Path trainers = Files.createDirectories(runDirectory.resolve("home/trainers"));
        Path seen = runDirectory.resolve("seen.txt");
        TrlOptimizerConfig config = (TrlOptimizerConfig) context.config(OptimizerConfig.class, Map.of("type", "trl",
                "command", List.of("sh", "-c", "echo \"$0 $1\" > " + seen, "{trainers}/kaizen-train", "{baseUrl}")));
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> Reply.json(completion("x")));
             LlmPolicy policy = policy(server);
             Optimizer optimizer = new TrlOptimizer(config, runDirectory, context.metrics(), "trl", "llm", trainers)) {
            optimizer.train(policy, TrainingBatch.ofPairs(List.of(pair), 1, "iter-1/dpo"));
            assertThat(Files.readString(seen).trim()).isEqualTo(trainers + "/kaizen-train " + server.baseUrl());
        }
        assertThatThrownBy(() -> new TrlOptimizer(config, runDirectory, context.metrics(), "trl", "llm", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("command names {trainers}")
                .hasMessageContaining("KAIZEN_HOME is not set (bin/kaizen sets it");
        assertThatThrownBy(() -> new TrlOptimizer(config, runDirectory, context.metrics(), "trl", "llm",
                runDirectory.resolve("nowhere/trainers")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nowhere/trainers is not a folder");
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void whatTheTrainerLeftRunningIsStoppedButADetachedServerIsNot() throws Exception {
        Path left = runDirectory.resolve("left.pid");
        Path detached = runDirectory.resolve("detached.pid");
        // a background child of the trainer, and a "server" it restarted in a session of its own
        String script = "sleep 300 & echo $! > " + left + "; setsid sh -c 'echo $$ > " + detached
                + "; exec sleep 300' < /dev/null > /dev/null 2>&1 & while [ ! -s " + detached + " ]; do sleep 0.05; done";
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> Reply.json(completion("x")));
             LlmPolicy policy = policy(server);
             Optimizer optimizer = optimizer(Map.of("command", List.of("sh", "-c", script)))) {
            optimizer.train(policy, TrainingBatch.ofPairs(List.of(pair), 1, "iter-1/dpo"));
            long leftPid = Long.parseLong(Files.readString(left).trim());
            long detachedPid = Long.parseLong(Files.readString(detached).trim());
            try {
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (ProcessHandle.of(leftPid).map(ProcessHandle::isAlive).orElse(false)
                        && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(ProcessHandle.of(leftPid).map(ProcessHandle::isAlive).orElse(false)).as("left running")
                        .isFalse();
                assertThat(ProcessHandle.of(detachedPid).map(ProcessHandle::isAlive).orElse(false)).as("detached")
                        .isTrue();
                assertThat(Files.readString(runDirectory.resolve("trl/iter-1-dpo/train.log")))
                        .contains("kaizen: stopped 1 process(es) the trainer left running: [" + leftPid + "]");
            } finally {
                ProcessHandle.of(detachedPid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void badConfigsAreRejected() {
        assertThat(((TrlOptimizerConfig) context.config(OptimizerConfig.class, Map.of("type", "trl"))).runsTrainer())
                .isFalse();
        assertThat(((TrlOptimizerConfig) context.config(OptimizerConfig.class, Map.of("type", "trl",
                "command", List.of()))).runsTrainer()).isFalse();
        assertThatThrownBy(() -> context.config(OptimizerConfig.class, Map.of("type", "trl",
                "command", List.of(" ", "{data}")))).rootCause()
                .hasMessageContaining("command must start with the program to run, got [ , {data}]")
                .hasMessageContaining("or leave command out to only write the data");
        assertThatThrownBy(() -> context.config(OptimizerConfig.class, Map.of("type", "trl",
                "command", java.util.Arrays.asList("train", null)))).rootCause()
                .hasMessageContaining("command[1] is null in [train, null]");
        assertThatThrownBy(() -> context.config(OptimizerConfig.class, Map.of("type", "trl",
                "command", List.of("train", "{dataset}")))).rootCause()
                .hasMessageContaining("unknown placeholder {dataset} in '{dataset}'; known: [baseModel, baseUrl, data, dataDir,");
        assertThatThrownBy(() -> context.config(OptimizerConfig.class, Map.of("type", "trl",
                "command", List.of("train"), "pairFormat", "trl-sft"))).rootCause()
                .hasMessageContaining("pairFormat 'trl-sft' is a supervised format; pairFormat takes one of [trl-dpo, "
                        + "trl-dpo-trajectory, llamafactory-dpo, openrlhf-dpo, eto-trajectory-pairs]");
        assertThatThrownBy(() -> context.config(OptimizerConfig.class, Map.of("type", "trl",
                "command", List.of("train"), "sftFormat", "alpaca"))).rootCause()
                .hasMessageContaining("unknown dataset format 'alpaca' in sftFormat");
        assertThatThrownBy(() -> context.config(OptimizerConfig.class, Map.of("type", "trl",
                "command", List.of("train"), "timeoutMinutes", 0))).rootCause()
                .hasMessageContaining("timeoutMinutes must be a finite number >= 0.001, got 0");
    }
}
