package dev.kaizen.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.cli.Kaizen;
import dev.kaizen.core.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL in the middle of a stage and resumed with {@code --resume} ends with
 * the same evaluations, trajectories and pairs as a run that was never interrupted.
 */
class ResumeTest {

    static final String RECIPE = """
            name: iterate
            seed: 11
            environment: {type: test, train: 20, seen: 8, unseen: 8, stepDelayMillis: %d}
            policy: {type: tabular}
            method: {type: iterate-test, iterations: 3, tasks: 10}
            evaluation: {episodes: 8}
            rollout: {threads: 4, batchSize: 16}
            """;

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aRunKilledMidStageAndResumedMatchesAnUninterruptedRun() throws Exception {
        Path recipe = Files.writeString(dir.resolve("iterate.yaml"), RECIPE.formatted(8));
        Path killed = dir.resolve("killed");
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Kaizen.class.getName(),
                "run", recipe.toString(), "--out", killed.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Path iter1 = killed.resolve("checkpoints/iter-1/stage.json");
            waitFor(() -> Files.exists(iter1), child, log, "stage iter-1 to complete");
            long iter1Metrics = json.readTree(iter1.toFile()).path("files").path("metrics.jsonl").asLong();
            waitFor(() -> size(killed.resolve("metrics.jsonl")) > iter1Metrics + 200, child, log,
                    "stage iter-2 to write metrics");
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(killed.resolve("checkpoints/final")).as("killed before the end").doesNotExist();
        assertThat(killed.resolve("checkpoints/iter-3")).doesNotExist();
        assertThat(json.readTree(killed.resolve("summary.json").toFile()).path("status").asText()).isEqualTo("running");

        Cli.Result resumed = Cli.run("run", "--resume", killed.toString());
        assertThat(resumed.code()).as(resumed.toString()).isZero();
        assertThat(resumed.err()).contains("stage baseline: completed earlier, skipped",
                "stage iter-1: completed earlier, skipped", "resuming after stage iter-1");

        Path straight = dir.resolve("straight");
        Cli.Result uninterrupted = Cli.run("run", recipe.toString(), "--out", straight.toString());
        assertThat(uninterrupted.code()).as(uninterrupted.toString()).isZero();

        JsonNode a = json.readTree(killed.resolve("summary.json").toFile());
        JsonNode b = json.readTree(straight.resolve("summary.json").toFile());
        assertThat(a.path("status").asText()).isEqualTo("completed");
        assertThat(a.path("resumed").asBoolean()).isTrue();
        assertThat(a.path("evaluations")).hasSize(2 * 5);
        assertThat(a.path("evaluations")).isEqualTo(b.path("evaluations"));
        assertThat(a.path("validation")).as("every stage validated once").hasSize(5)
                .isEqualTo(b.path("validation"));
        assertThat(a.path("kept")).isEqualTo(b.path("kept"));
        assertThat(events(killed, "counter")).isEqualTo(events(straight, "counter")).hasSize(3);
        assertThat(events(killed, "evaluation")).hasSize(10);
        for (String folder : List.of("trajectories", "pairs")) {
            List<String> names = names(straight.resolve(folder));
            assertThat(names(killed.resolve(folder))).isEqualTo(names).isNotEmpty();
            for (String name : names) {
                assertThat(Files.readAllLines(killed.resolve(folder).resolve(name)))
                        .as(folder + "/" + name).isEqualTo(Files.readAllLines(straight.resolve(folder).resolve(name)));
            }
        }
    }

    @Test
    void aCompletedRunResumesToTheSameSummary() throws Exception {
        Path recipe = Files.writeString(dir.resolve("iterate.yaml"), RECIPE.formatted(0));
        Path run = dir.resolve("run");
        assertThat(Cli.run("run", recipe.toString(), "--out", run.toString()).code()).isZero();
        JsonNode before = json.readTree(run.resolve("summary.json").toFile()).path("evaluations");
        Cli.Result again = Cli.run("run", "--resume", run.toString());
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(json.readTree(run.resolve("summary.json").toFile()).path("evaluations")).isEqualTo(before);
        assertThat(events(run, "evaluation")).hasSize(10);
    }

    private List<JsonNode> events(Path run, String event) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonNode node = json.readTree(line);
            if (node.path("event").asText().equals(event)) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove("time");
                out.add(node);
            }
        }
        return out;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void waitFor(BooleanSupplier condition, Process child, Path log, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            if (!child.isAlive()) {
                fail("the child run ended (exit " + child.exitValue() + ") before " + what + ":\n"
                        + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what + ":\n" + Files.readString(log));
            }
            Thread.sleep(5);
        }
    }
}
