package dev.kaizen.sweep.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the spark backend, a part that fails for its own reason fails the run with that reason (no
 * Spark stack trace), a master Spark cannot use is bad input, and a swept recipe cannot start Spark
 * inside its cell's Spark task.
 */
class SparkBadInputTest {

    private static final String RECIPE = """
            name: broken
            environment: {type: test, train: 12, seen: 6, unseen: 6}
            policy: {type: throwing-test, message: "the model server refused the request (HTTP 400)"}
            evaluation: {episodes: 6, validation: 0}
            """;

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aPartThatFailsOnAnExecutorFailsTheRunWithItsReason() throws Exception {
        Path recipe = Files.writeString(dir.resolve("broken.yaml"), RECIPE);
        Runs.Result local = Runs.kaizen("run", recipe.toString(), "--out", dir.resolve("local").toString());
        Runs.Result spark = Runs.kaizen("run", recipe.toString(), "--out", dir.resolve("spark").toString(), "--set",
                "rollout.backend=spark", "--set", "rollout.master=local[2]");

        assertThat(local.code()).as(local.toString()).isEqualTo(1);
        assertThat(spark.code()).as(spark.toString()).isEqualTo(1);
        JsonNode summary = json.readTree(dir.resolve("spark/summary.json").toFile());
        assertThat(summary.path("status").asText()).isEqualTo("failed");
        assertThat(summary.path("error").asText()).isEqualTo("the model server refused the request (HTTP 400)")
                .isEqualTo(json.readTree(dir.resolve("local/summary.json").toFile()).path("error").asText());
        assertThat(spark.err()).contains("kaizen: failed: the model server refused the request (HTTP 400)")
                .doesNotContain("\tat ", "SparkException", "Job aborted");
    }

    @Test
    void aMasterSparkCannotUseIsBadInput() throws Exception {
        Path recipe = Files.writeString(dir.resolve("broken.yaml"), RECIPE);
        Runs.Result result = Runs.kaizen("run", recipe.toString(), "--out", dir.resolve("run").toString(), "--set",
                "rollout.backend=spark", "--set", "rollout.master=nonsense://somewhere");

        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("kaizen: rollout.master: Spark could not start with master"
                + " 'nonsense://somewhere': ").contains("; use local[N], spark://HOST:PORT, yarn or k8s://...")
                .doesNotContain("\tat ");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void aSweptRecipeCannotStartSparkInsideItsCell() throws Exception {
        Path recipe = Files.writeString(dir.resolve("nested.yaml"), RECIPE.replace("throwing-test, message:"
                + " \"the model server refused the request (HTTP 400)\"", "tabular") + "rollout: {backend: spark}\n");
        Runs.Result result = Runs.kaizen("sweep", recipe.toString(), "--seeds", "7", "--master", "local[1]", "--out",
                dir.resolve("sweep").toString());

        assertThat(result.code()).as(result.toString()).isEqualTo(1);
        JsonNode cell = json.readTree(dir.resolve("sweep/sweep.json").toFile()).path("cells").path(0);
        assertThat(cell.path("state").asText()).isEqualTo("failed");
        assertThat(cell.path("reason").asText()).isEqualTo("rollout.backend: spark cannot start inside a Spark task (a"
                + " sweep's cell): a sweep already spreads its cells over the cluster; set rollout.backend: local for"
                + " swept recipes");
    }
}
