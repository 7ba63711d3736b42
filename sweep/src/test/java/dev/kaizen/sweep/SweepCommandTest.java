package dev.kaizen.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.core.cli.Kaizen;
import dev.kaizen.core.rollout.ProgressDisplay;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kaizen sweep} on an embedded local[2] Spark master. */
class SweepCommandTest {

    private static final String RECIPE = """
            name: %s
            environment: {type: test, train: 20, seen: 8, unseen: 8}
            policy: {type: tabular}
            method: {type: bc, demonstrations: %d, optimizer: {type: tabular-bc}}
            evaluation: {episodes: 8}
            """;

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result kaizen(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Kaizen(Map.of(), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ProgressDisplay.Mode.NONE, Clock.systemUTC()).execute(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runsEveryCellOnSparkGivesTheNumbersOfPlainRunsAndSkipsCompletedCellsTheSecondTime() throws Exception {
        Path few = Files.writeString(dir.resolve("few.yaml"), RECIPE.formatted("few", 3));
        Path many = Files.writeString(dir.resolve("many.yaml"), RECIPE.formatted("many", 20));
        Path out = dir.resolve("sweep");

        Result first = kaizen("sweep", few.toString(), many.toString(), "--seeds", "7-8", "--master", "local[2]",
                "--out", out.toString());

        assertThat(first.code()).as(first.err() + first.out()).isZero();
        JsonNode sweep = json.readTree(out.resolve("sweep.json").toFile());
        assertThat(sweep.path("cells")).hasSize(4);
        assertThat(sweep.path("cells").findValuesAsText("id"))
                .containsExactly("few-seed7", "few-seed8", "many-seed7", "many-seed8");
        assertThat(sweep.path("cells").findValuesAsText("state")).containsOnly("completed");
        assertThat(first.err()).contains("cell few-seed7: completed in", "cell many-seed8: completed in");
        assertThat(first.out()).contains("baseline: few", "p (Wilcoxon)").containsPattern("many +kept +unseen +greedy +2 ");
        assertThat(out.resolve("compare.json")).isRegularFile();
        assertThat(out.resolve("compare.html")).isRegularFile();

        // each cell is an ordinary run: the same figures as kaizen run with that seed
        Path plain = dir.resolve("plain");
        Result run = kaizen("run", many.toString(), "--set", "seed=8", "--out", plain.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(evaluations(out.resolve("runs/many-seed8"))).isEqualTo(evaluations(plain));

        // without Spark, one cell after another in this JVM: the same runs
        Path inProcess = dir.resolve("in-process");
        Result plainSweep = kaizen("sweep", many.toString(), "--seeds", "8", "--master", "none", "--out",
                inProcess.toString());
        assertThat(plainSweep.code()).as(plainSweep.err()).isZero();
        assertThat(evaluations(inProcess.resolve("runs/many-seed8"))).isEqualTo(evaluations(plain));

        Result second = kaizen("sweep", few.toString(), many.toString(), "--seeds", "7-8", "--master", "local[2]",
                "--out", out.toString());
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.err()).contains("cell few-seed7: completed earlier", "cell many-seed8: completed earlier");
        assertThat(evaluations(out.resolve("runs/many-seed8"))).isEqualTo(evaluations(plain));
    }

    @Test
    void aFailedCellFailsOnlyItselfAndTheExitCodeSaysSo() throws Exception {
        Path recipe = Files.writeString(dir.resolve("grid.yaml"), RECIPE.formatted("grid", 5));
        Path out = dir.resolve("sweep");

        // a grid value that no recipe can take is refused before anything runs
        Result result = kaizen("sweep", recipe.toString(), "--grid", "policy={type: tabular},{type: first-action-broken}",
                "--seeds", "7", "--master", "local[2]", "--out", out.toString());

        assertThat(result.code()).as(result.err() + result.out()).isEqualTo(2);
        assertThat(result.err()).contains("unknown policy 'first-action-broken'");
        assertThat(out.resolve("runs")).doesNotExist();

        // an environment whose episodes error too often: that run fails, the other grid cell completes
        Result failing = kaizen("sweep", recipe.toString(), "--grid", "environment.faultyTasks=[],[seen-1,seen-2]",
                "--seeds", "7", "--master", "local[2]", "--out", out.toString());
        assertThat(failing.code()).as(failing.err() + failing.out()).isEqualTo(1);
        JsonNode cells = json.readTree(out.resolve("sweep.json").toFile()).path("cells");
        assertThat(cells.findValuesAsText("state")).containsExactly("completed", "failed");
        assertThat(cells.get(1).path("reason").asText()).contains("2 of 8 episodes errored");
        assertThat(failing.out()).contains("1 of 2 cells failed");
    }

    private JsonNode evaluations(Path run) throws Exception {
        ObjectNode summary = (ObjectNode) json.readTree(run.resolve("summary.json").toFile());
        return summary.path("evaluations");
    }
}
