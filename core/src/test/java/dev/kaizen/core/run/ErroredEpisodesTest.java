package dev.kaizen.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Episodes that error are counted by cause, left out of the rates, and fail the run past the budget. */
class ErroredEpisodesTest {

    private static final String RECIPE = """
            name: faults
            environment: {type: test, seen: 10, unseen: 10, faultyTasks: [%s]}
            policy: {type: first-action, unreachableTasks: [%s]}
            evaluation: {episodes: 10, maxErrorShare: %s}
            rollout: {batchSize: %d, mode: %s}
            """;

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void erroredEpisodesAreCountedByCauseAndLeftOutOfTheRates() throws Exception {
        Path recipe = Files.writeString(dir.resolve("faults.yaml"),
                RECIPE.formatted("seen-1", "seen-2", "0.25", 16, "lockstep"));
        Cli.Result result = Cli.run("run", recipe.toString(), "--out", dir.resolve("run").toString());

        assertThat(result.code()).as(result.toString()).isZero();
        JsonNode summary = json.readTree(dir.resolve("run/summary.json").toFile());
        assertThat(summary.path("status").asText()).isEqualTo("completed");
        JsonNode seen = summary.path("evaluations").path(0);
        assertThat(seen.path("split").asText()).isEqualTo("seen");
        assertThat(seen.path("episodes").asInt()).isEqualTo(10);
        assertThat(seen.path("errors").path("policy").asInt()).isEqualTo(1);
        assertThat(seen.path("errors").path("environment").asInt()).isEqualTo(1);
        assertThat(seen.path("errors").path("other").asInt()).isZero();
        assertThat(seen.path("errorShare").asDouble()).isEqualTo(0.2);
        JsonNode unseen = summary.path("evaluations").path(1);
        assertThat(unseen.path("errors").path("policy").asInt() + unseen.path("errors").path("environment").asInt())
                .isZero();
        // first-action clicks +1 first: only targets of 1 succeed, and the rate is over the 8 that did not error
        double expected = countSuccesses(dir.resolve("run/evaluation/final-greedy-seen.jsonl")) / 8.0;
        assertThat(seen.path("successRate").asDouble()).isEqualTo(expected);
        JsonNode stage = summary.path("stages").path(0);
        // 10 seen, 10 unseen and 5 held-out train tasks validating the stage
        assertThat(stage.path("episodes").asInt()).isEqualTo(25);
        assertThat(stage.path("errors").path("policy").asInt()).isEqualTo(1);
        assertThat(result.out()).contains("errors").contains("over the episodes that did not error");
        assertThat(result.err()).contains("2 errored (policy 1, environment 1, other 0), rates over the other 8");
    }

    @Test
    void tooManyErrorsFailTheRunTheSameWayWhateverTheBatching() throws Exception {
        String failing = "seen-1, seen-2, seen-3";
        JsonNode first = null;
        String firstMessage = null;
        int run = 0;
        for (String mode : new String[] {"lockstep", "pipelined"}) {
            for (int batch : new int[] {1, 3, 16}) {
                Path recipe = Files.writeString(dir.resolve("faults-" + run + ".yaml"),
                        RECIPE.formatted("", failing, "0.05", batch, mode));
                Path out = dir.resolve("run-" + run++);
                Cli.Result result = Cli.run("run", recipe.toString(), "--out", out.toString());

                assertThat(result.code()).as(result.toString()).isEqualTo(1);
                assertThat(result.err()).contains("kaizen: failed: evaluation final seen (greedy): 3 of 10 episodes "
                        + "errored (policy 3, environment 0, other 0), more than evaluation.maxErrorShare 0.05 allows; "
                        + "first: task seen-1: the policy could not decide: the model server failed after every retry");
                JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
                assertThat(summary.path("status").asText()).isEqualTo("failed");
                assertThat(summary.path("error").asText()).contains("3 of 10 episodes errored");
                String message = summary.path("error").asText();
                if (first == null) {
                    first = summary.path("evaluations");
                    firstMessage = message;
                }
                assertThat(summary.path("evaluations")).as(mode + ", batch " + batch).isEqualTo(first);
                assertThat(message).isEqualTo(firstMessage);
            }
        }
        assertThat(first.path(0).path("errors").path("policy").asInt()).isEqualTo(3);
    }

    private static long countSuccesses(Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        return Files.readAllLines(file).stream().filter(line -> {
            try {
                return json.readTree(line).path("success").asBoolean();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }
}
