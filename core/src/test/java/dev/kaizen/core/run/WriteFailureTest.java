package dev.kaizen.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that cannot be written is named, the summary says the run failed, and resume cuts half-written lines. */
class WriteFailureTest {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aFailedWriteNamesTheFileAndTheSummarySaysFailed() throws Exception {
        Path recipe = Files.writeString(dir.resolve("blocked.yaml"), """
                environment: {type: test}
                policy: {type: first-action}
                method: {type: blocked-write-test}
                evaluation: {episodes: 4}
                """);
        Path run = dir.resolve("run");
        Cli.Result result = Cli.run("run", recipe.toString(), "--out", run.toString());

        assertThat(result.code()).as(result.toString()).isEqualTo(1);
        Path blocked = run.resolve("evaluation/final-greedy-seen.jsonl");
        assertThat(result.err()).contains("kaizen: failed: cannot append to " + blocked);
        JsonNode summary = json.readTree(run.resolve("summary.json").toFile());
        assertThat(summary.path("status").asText()).isEqualTo("failed");
        assertThat(summary.path("error").asText()).contains("cannot append to " + blocked);
    }

    @Test
    void resumeCutsALineThatWasHalfWritten() throws Exception {
        Path recipe = Files.writeString(dir.resolve("iterate.yaml"), ResumeTest.RECIPE.formatted(0));
        Path run = dir.resolve("run");
        assertThat(Cli.run("run", recipe.toString(), "--out", run.toString()).code()).isZero();
        List<String> metrics = Files.readAllLines(run.resolve("metrics.jsonl"));
        // the disk filled while the last stage wrote: its checkpoint is gone and a line was cut mid-way
        HostMethodContext.deleteRecursively(run.resolve("checkpoints/final"));
        Files.writeString(run.resolve("metrics.jsonl"), "{\"event\":\"evaluation\",\"stage\":\"fin",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.writeString(run.resolve("evaluation/final-greedy-seen.jsonl"), "{\"task\":{\"id\"",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Cli.Result resumed = Cli.run("run", "--resume", run.toString());

        assertThat(resumed.code()).as(resumed.toString()).isZero();
        assertThat(Files.readAllLines(run.resolve("metrics.jsonl"))).hasSize(metrics.size());
        for (String line : Files.readAllLines(run.resolve("evaluation/final-greedy-seen.jsonl"))) {
            assertThat(json.readTree(line).path("task").path("id").asText()).isNotEmpty();
        }
        assertThat(json.readTree(run.resolve("summary.json").toFile()).path("status").asText()).isEqualTo("completed");
    }
}
