package dev.kaizen.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    static final String BC_RECIPE = """
            name: bc-test
            environment: {type: test}
            policy: {type: tabular}
            method:
              type: bc
              demonstrations: 20
              optimizer: {type: tabular-bc}
            evaluation:
              episodes: 10
            rollout: {threads: 4, batchSize: 8}
            """;

    @TempDir
    Path dir;

    @Test
    void bcOnTheTestEnvironmentWritesTheRunDirectory() throws Exception {
        Path recipe = Files.writeString(dir.resolve("bc-test.yaml"), BC_RECIPE);
        Path out = dir.resolve("run");
        Cli.Result result = Cli.run("run", recipe.toString(), "--out", out.toString());
        assertThat(result.code()).as(result.toString()).isZero();

        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("recipe").asText()).isEqualTo("bc-test");
        assertThat(summary.path("method").asText()).isEqualTo("bc");
        assertThat(summary.path("seed").asLong()).isEqualTo(7);
        assertThat(summary.path("status").asText()).isEqualTo("completed");
        JsonNode evaluations = summary.path("evaluations");
        assertThat(evaluations).hasSize(2);
        assertThat(evaluations.get(0).path("stage").asText()).isEqualTo("final");
        assertThat(evaluations.get(0).path("split").asText()).isEqualTo("seen");
        assertThat(evaluations.get(1).path("split").asText()).isEqualTo("unseen");
        assertThat(evaluations.get(0).path("search").asText()).isEqualTo("greedy");
        assertThat(evaluations.get(0).path("episodes").asInt()).isEqualTo(10);
        // seen targets (1..5) were all demonstrated: behaviour cloning solves them; unseen targets (6..9) never seen
        assertThat(evaluations.get(0).path("successRate").asDouble()).isEqualTo(1.0);
        assertThat(evaluations.get(1).path("successRate").asDouble()).isLessThan(1.0);
        assertThat(evaluations.get(0).path("successCi95")).hasSize(2);

        assertThat(out.resolve("recipe.yaml")).exists();
        assertThat(Files.readString(out.resolve("recipe.yaml"))).contains("batchSize: 8", "maxSteps: 1000",
                "type: greedy", "type: none", "seed: 7");
        assertThat(Files.readAllLines(out.resolve("trajectories/demonstrations.jsonl"))).hasSize(20);
        assertThat(out.resolve("checkpoints/bc/policy/logits.tsv")).exists();
        assertThat(out.resolve("checkpoints/final/stage.json")).exists();
        assertThat(out.resolve("report.html")).exists();
        assertThat(Files.readString(out.resolve("metrics.jsonl"))).contains("\"event\":\"evaluation\"",
                "\"event\":\"train-epoch\"", "\"event\":\"stage\"");
        assertThat(result.out()).contains("final", "unseen", "run directory: " + out);
    }
}
