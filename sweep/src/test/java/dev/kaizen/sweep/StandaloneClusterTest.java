package dev.kaizen.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on a real Spark standalone cluster: a master and two workers, each its own JVM started from
 * the Spark jars on 127.0.0.1. One worker (with its executor) is killed while it runs a cell; Spark
 * runs that task again on the other worker, the cell resumes its run, and every cell ends with the
 * numbers a plain run gives.
 */
@DisabledOnOs(OS.WINDOWS)
class StandaloneClusterTest {

    private static final String RECIPE = """
            name: %s
            environment: {type: test, train: 20, seen: 8, unseen: 8, stepDelayMillis: 150}
            policy: {type: tabular}
            method: {type: bc, demonstrations: %d, optimizer: {type: tabular-bc}}
            evaluation: {episodes: 8}
            """;

    private final ObjectMapper json = new ObjectMapper();
    private StandaloneCluster cluster;

    @TempDir
    Path dir;

    @AfterEach
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aSweepSurvivesAWorkerKilledMidCellWithTheSameNumbers() throws Exception {
        cluster = new StandaloneCluster(dir, 2);
        assertThat(cluster.masterAlive()).isTrue();

        Path few = Files.writeString(dir.resolve("few.yaml"), RECIPE.formatted("few", 3));
        Path many = Files.writeString(dir.resolve("many.yaml"), RECIPE.formatted("many", 20));
        Path out = dir.resolve("sweep");
        StandaloneCluster.setDriverProperties();
        Thread killer = new Thread(() -> {
            try {
                StandaloneCluster.waitFor(() -> runsUnderWay(out) >= 2, 120, "two cells to run at once");
                cluster.kill(1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        killer.start();
        SweepCommandTest.Result result;
        try {
            result = SweepCommandTest.kaizen("sweep", few.toString(), many.toString(), "--seeds", "7-8",
                    "--master", cluster.master(), "--out", out.toString());
        } finally {
            StandaloneCluster.clearDriverProperties();
        }
        killer.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(result.code()).as(result.err() + result.out() + cluster.logs()).isZero();
        assertThat(cluster.worker(1).isAlive()).as("worker 1 was killed; " + result.err()).isFalse();
        JsonNode cells = json.readTree(out.resolve("sweep.json").toFile()).path("cells");
        assertThat(cells.findValuesAsText("state")).containsExactly("completed", "completed", "completed", "completed");
        assertThat(Files.readString(out.resolve("logs/" + lostCell(out) + ".log")))
                .as("the lost cell's second attempt resumed its run").contains(", attempt 1: kaizen run ")
                .containsPattern(", attempt 2: kaizen run --resume ");
        for (JsonNode cell : cells) {
            Path plain = dir.resolve("plain-" + cell.path("id").asText());
            Path recipe = cell.path("group").asText().equals("few") ? few : many;
            SweepCommandTest.Result run = SweepCommandTest.kaizen("run", recipe.toString(), "--set",
                    "seed=" + cell.path("seed").asLong(), "--out", plain.toString());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(json.readTree(out.resolve(cell.path("run").asText()).resolve("summary.json").toFile())
                    .path("evaluations")).as(cell.path("id").asText())
                    .isEqualTo(json.readTree(plain.resolve("summary.json").toFile()).path("evaluations"));
        }
    }

    /** Runs that have written metrics but not completed. */
    private static long runsUnderWay(Path out) {
        Path runs = out.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> listing = Files.list(runs)) {
            return listing.filter(run -> Files.exists(run.resolve("metrics.jsonl"))
                    && !Files.exists(run.resolve("checkpoints/final"))).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The cell whose log shows it ran twice. */
    private static String lostCell(Path out) throws IOException {
        try (Stream<Path> logs = Files.list(out.resolve("logs"))) {
            for (Path log : logs.toList()) {
                if (Files.readString(log).contains(", attempt 2: ")) {
                    String name = log.getFileName().toString();
                    return name.substring(0, name.length() - ".log".length());
                }
            }
        }
        throw new AssertionError("no cell was resumed");
    }
}
