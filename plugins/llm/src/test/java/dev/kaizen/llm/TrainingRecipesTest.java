package dev.kaizen.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.cli.Kaizen;
import dev.kaizen.core.rollout.ProgressDisplay;
import dev.kaizen.llm.testing.FakeOpenAiServer;
import dev.kaizen.llm.testing.FakeTrainer;
import dev.kaizen.llm.testing.ScriptedAgentModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recipes that train a served model ({@code eto-llm}, {@code rft-llm}, {@code stepagent-llm}) run end to
 * end with their shipped trainer command as written: {@code {trainers}/kaizen-train} (the shipped launcher,
 * {@code KAIZEN_HOME} being {@code dist/src} in these tests) with {@link FakeTrainer} as its Python, against
 * {@link FakeOpenAiServer}. A sampled request (temperature above 0) gets an action the store refuses, so
 * exploration fails and there are pairs to train on; greedy ones answer as {@link ScriptedAgentModel}.
 * Also: a failing trainer, and a server that never lists the trained model, end the run cleanly with the
 * trainer's processes gone.
 */
@DisabledOnOs(OS.WINDOWS)
class TrainingRecipesTest {

    private static final Path RECIPES = Path.of("..", "..", "dist", "recipes").toAbsolutePath().normalize();
    private static final List<String> SMALL_STORE = List.of("environment.products=300", "environment.train=6",
            "environment.seen=2", "environment.unseen=2", "environment.maxSteps=5", "evaluation.episodes=2");

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private record Result(int code, String out, String err) {
    }

    private Result run(String recipe, Path out, List<String> sets) throws java.io.IOException {
        Files.createDirectories(dir.resolve("plugins"));
        List<String> args = new ArrayList<>(List.of("run", RECIPES.resolve(recipe).toString(), "--out", out.toString(),
                "--plugins", dir.resolve("plugins").toString()));
        for (String set : sets) {
            args.add("--set");
            args.add(set);
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = new Kaizen(Map.of(), new ByteArrayInputStream(new byte[0]),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8),
                ProgressDisplay.Mode.NONE, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC))
                .execute(args.toArray(String[]::new));
        return new Result(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    /** The scripted agent, except that sampled requests get an action the store refuses. */
    static FakeOpenAiServer.Responder failingWhenSampled() {
        ScriptedAgentModel agent = new ScriptedAgentModel();
        return (exchange, call) -> exchange.body() != null && exchange.body().path("temperature").asDouble(0) > 0
                ? FakeOpenAiServer.Reply.json(FakeOpenAiServer.completion("Thought: hm.\nAction: click[nowhere]"))
                : agent.reply(exchange, call);
    }

    /** The server's settings, the store's size and the trainer's Python for each optimiser of a recipe. */
    static List<String> sets(FakeOpenAiServer server, FakeTrainer trainer, List<String> optimizers, String... more) {
        List<String> sets = new ArrayList<>(List.of("policy.baseUrl=" + server.baseUrl(), "policy.model=fake"));
        sets.addAll(SMALL_STORE);
        for (String optimizer : optimizers) {
            sets.add(optimizer + ".environment={KAIZEN_PYTHON: '" + trainer.script() + "'}");
        }
        sets.addAll(List.of(more));
        return sets;
    }

    private List<JsonNode> events(Path out, String event) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("metrics.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode node = json.readTree(line);
            if (node.path("event").asText().equals(event)) {
                found.add(node);
            }
        }
        return found;
    }

    /**
     * Runs a recipe with the fake trainer and checks the loop: each training got the data the run wrote,
     * started from the model the policy used, was served, and the policy asked the served model after it.
     */
    private Result trainsAndServes(String recipe, List<String> optimizers, List<String> expectedModels,
                                   String... more) throws Exception {
        FakeTrainer trainer = new FakeTrainer(dir, "");
        try (FakeOpenAiServer server = FakeOpenAiServer.start(trainer.responder(failingWhenSampled()))) {
            Path out = dir.resolve(recipe);
            Result result = run(recipe + ".yaml", out, sets(server, trainer, optimizers, more));
            assertThat(result.code()).as(result.out() + result.err()).isZero();

            List<JsonNode> training = events(out, "trl-train");
            assertThat(training).extracting(e -> e.path("model").asText()).containsExactlyElementsOf(expectedModels);
            assertThat(training).allSatisfy(e -> assertThat(e.path("trained").asDouble()).isEqualTo(1.0));
            assertThat(trainer.served()).containsExactlyElementsOf(expectedModels);
            List<String> calls = trainer.calls();
            assertThat(calls).hasSameSizeAs(expectedModels);
            String previous = "fake";
            for (int i = 0; i < calls.size(); i++) {
                String call = calls.get(i);
                assertThat(call).contains("--base-model " + previous + " ")
                        .contains("--name " + expectedModels.get(i) + " ")
                        .contains("--run-dir " + out + " ")
                        .contains("--server " + server.baseUrl());
                String data = call.replaceAll(".*--data (\\S+) .*", "$1");
                assertThat(Files.readAllLines(Path.of(data))).isNotEmpty();
                previous = expectedModels.get(i);
            }
            for (String model : expectedModels) {
                assertThat(server.chatRequests()).as("the policy asked " + model)
                        .anySatisfy(r -> assertThat(r.body().path("model").asText()).isEqualTo(model));
            }
            assertThat(json.readTree(out.resolve("checkpoints/final/policy/llm-policy.json").toFile())
                    .path("model").asText()).isEqualTo(previous);
            assertThat(Files.readString(out.resolve("trl").resolve(expectedModels.get(0).substring("kaizen-".length()))
                    .resolve("train.log"))).contains("{\"loss\": 0.25, \"step\": 1}");
            return result;
        }
    }

    @Test
    void etoTrainsWithItsDefaultsThroughTheShippedTrainer() throws Exception {
        Result result = trainsAndServes("eto-llm", List.of("method.optimizer", "method.dpo"),
                List.of("kaizen-bc", "kaizen-iter-1-dpo", "kaizen-iter-2-dpo"),
                "method.demonstrations=3", "method.explorationTasks=3");
        // ETO's default beta schedule cannot reach an external trainer: said once, and the run goes on without it
        assertThat(result.out() + result.err()).containsOnlyOnce("method.schedule is ETO's default");
    }

    @Test
    void rftTrainsOnTheDemonstrationsThenWithTheSampledSuccesses() throws Exception {
        trainsAndServes("rft-llm", List.of("method.optimizer"), List.of("kaizen-bc", "kaizen-iter-1-train"),
                "method.demonstrations=3", "method.explorationTasks=3");
    }

    @Test
    void stepagentInspectsWithTheServedModelAndTrainsStepPairs() throws Exception {
        trainsAndServes("stepagent-llm", List.of("method.warmup", "method.optimizer"),
                List.of("kaizen-bc", "kaizen-iter-1-optimize", "kaizen-final-optimize"),
                "method.demonstrations=3", "method.inspection.tasks=3");
    }

    @Test
    void aFailingTrainerFailsTheRunAndLeavesNoProcessBehind() throws Exception {
        Path pid = dir.resolve("child.pid");
        FakeTrainer trainer = new FakeTrainer(dir, "sleep 300 & echo $! > '" + pid + "'; echo 'CUDA out of memory' >&2; "
                + "exit 3");
        try (FakeOpenAiServer server = FakeOpenAiServer.start(trainer.responder(failingWhenSampled()))) {
            Path out = dir.resolve("failing");
            Result result = run("eto-llm.yaml", out, sets(server, trainer, List.of("method.optimizer", "method.dpo"),
                    "method.demonstrations=3", "method.explorationTasks=3"));
            assertThat(result.code()).as(result.out() + result.err()).isEqualTo(1);
            JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
            assertThat(summary.path("status").asText()).isEqualTo("failed");
            assertThat(summary.path("error").asText()).contains("failed with exit code 3", "CUDA out of memory",
                    "the policy keeps model fake");
            assertThat(Files.readString(out.resolve("trl/bc/train.log"))).contains("kaizen: stopped 1 process(es) "
                    + "the trainer left running");
            assertStopped(pid);
            assertThat(trainer.served()).isEmpty();
        }
    }

    @Test
    void aServerThatNeverListsTheModelFailsTheRunAndLeavesNoProcessBehind() throws Exception {
        Path pid = dir.resolve("child.pid");
        // trains, leaves a child behind, and exits 0 without serving anything
        FakeTrainer trainer = new FakeTrainer(dir, "sleep 300 & echo $! > '" + pid + "'; exit 0");
        try (FakeOpenAiServer server = FakeOpenAiServer.start(trainer.responder(failingWhenSampled()))) {
            Path out = dir.resolve("unlisted");
            Result result = run("stepagent-llm.yaml", out, sets(server, trainer, List.of("method.warmup"),
                    "method.demonstrations=3", "method.warmup.readyTimeoutSeconds=1"));
            assertThat(result.code()).as(result.out() + result.err()).isEqualTo(1);
            JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
            assertThat(summary.path("status").asText()).isEqualTo("failed");
            assertThat(summary.path("error").asText()).contains("did not list model 'kaizen-bc' within 1.0 s");
            assertStopped(pid);
            assertThat(server.chatRequests()).noneSatisfy(r -> assertThat(r.body().path("model").asText())
                    .isEqualTo("kaizen-bc"));
        }
    }

    /** The process whose id is in {@code pidFile} has ended (within a few seconds). */
    static void assertStopped(Path pidFile) throws Exception {
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (alive(pid) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(alive(pid)).as("process " + pid + " stopped").isFalse();
    }

    /** Whether the process runs; a zombie (ended, not yet reaped by whoever adopted it) does not. */
    static boolean alive(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.isDirectory(Path.of("/proc/self"))) {
            try {
                String text = Files.readString(stat);
                return !text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
            } catch (java.io.IOException e) {
                return false;
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
