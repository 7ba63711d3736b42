package dev.kaizen.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        // the 15 training tasks left after the last 5 (a quarter of 20) are held out for validation
        assertThat(Files.readAllLines(out.resolve("trajectories/demonstrations.jsonl"))).hasSize(15);
        List<String> seenEpisodes = Files.readAllLines(out.resolve("evaluation/final-greedy-seen.jsonl"));
        assertThat(seenEpisodes).hasSize(10);
        assertThat(seenEpisodes.stream().filter(line -> line.contains("\"success\":true")).count())
                .as("successes written = success rate × episodes").isEqualTo(10);
        assertThat(Files.readAllLines(out.resolve("evaluation/final-greedy-unseen.jsonl"))).hasSize(10);
        assertThat(out.resolve("checkpoints/bc/policy/logits.tsv")).exists();
        assertThat(out.resolve("checkpoints/final/stage.json")).exists();
        assertThat(out.resolve("report.html")).exists();
        assertThat(Files.readString(out.resolve("metrics.jsonl"))).contains("\"event\":\"evaluation\"",
                "\"event\":\"train-epoch\"", "\"event\":\"stage\"");
        assertThat(result.out()).contains("final", "unseen", "run directory: " + out);
    }

    @Test
    void evaluationTrajectoriesCanBeLeftOut() throws Exception {
        Path recipe = Files.writeString(dir.resolve("bc-test.yaml"), BC_RECIPE);
        Path out = dir.resolve("run");
        Cli.Result result = Cli.run("run", recipe.toString(), "--out", out.toString(),
                "--set", "evaluation.trajectories=false");
        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(out.resolve("evaluation")).doesNotExist();
        assertThat(out.resolve("trajectories/demonstrations.jsonl")).exists();
        assertThat(Files.readString(out.resolve("recipe.yaml"))).contains("trajectories: false");
    }

    @Test
    void aFailingRunExitsWithOneAndKeepsWhatItProduced() throws Exception {
        Path recipe = Files.writeString(dir.resolve("broken.yaml"), BC_RECIPE.replace("{type: tabular}",
                "{type: first-action, failAfter: 3}").replace("type: bc", "type: iterate-test").replace("demonstrations: 20", "iterations: 2"));
        Path out = dir.resolve("broken");
        Cli.Result result = Cli.run("run", recipe.toString(), "--out", out.toString());
        assertThat(result.code()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("kaizen: failed: the policy server went away",
                "(run with --verbose for the stack trace)").doesNotContain("\tat ");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("status").asText()).isEqualTo("failed");
        assertThat(summary.path("error").asText()).isEqualTo("the policy server went away");
        assertThat(out.resolve("recipe.yaml")).exists();
        assertThat(out.resolve("report.html")).exists();
        assertThat(Files.readString(out.resolve("metrics.jsonl"))).contains("\"event\":\"run-start\"");

        Cli.Result verbose = Cli.run("run", recipe.toString(), "--out", dir.resolve("again").toString(), "--verbose");
        assertThat(verbose.code()).isEqualTo(1);
        assertThat(verbose.err()).contains("java.lang.IllegalStateException: the policy server went away", "\tat ");
    }

    @Test
    void incompatiblePartsFailWithTwoAndKeepTheDemonstrations() throws Exception {
        Path recipe = Files.writeString(dir.resolve("mismatch.yaml"),
                BC_RECIPE.replace("{type: tabular}", "{type: first-action}"));
        Path out = dir.resolve("mismatch");
        Cli.Result result = Cli.run("run", recipe.toString(), "--out", out.toString());
        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("optimizer 'tabular-bc' trains policies of type [tabular]");
        // the 15 training tasks left after the last 5 (a quarter of 20) are held out for validation
        assertThat(Files.readAllLines(out.resolve("trajectories/demonstrations.jsonl"))).hasSize(15);
        assertThat(new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("status").asText())
                .isEqualTo("failed");
    }
}
