package dev.kaizen.core.run.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run writes {@code run.json}; resuming it appends the new process's record and keeps the first. */
class RunJsonTest {

    private static final String RECIPE = """
            name: iterate
            seed: 11
            environment: {type: test, train: 20, seen: 8, unseen: 8}
            policy: {type: tabular}
            method: {type: iterate-test, iterations: 2, tasks: 6}
            evaluation: {episodes: 8}
            rollout: {threads: 2, batchSize: 16}
            """;

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aRunRecordsItsBuildMachinePluginsAndParts() throws Exception {
        Path run = run();
        JsonNode file = json.readTree(run.resolve("run.json").toFile());
        assertThat(file.path("changed").asBoolean(true)).isFalse();
        assertThat(file.path("differences")).isEmpty();
        assertThat(file.path("processes")).hasSize(1);
        JsonNode process = file.path("processes").get(0);
        assertThat(process.path("started").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(process.path("resumed").asBoolean(true)).isFalse();
        assertThat(process.path("recipe").path("name").asText()).isEqualTo("iterate");
        assertThat(process.path("recipe").path("seed").asLong()).isEqualTo(11);
        assertThat(process.path("kaizen").path("version").asText()).isNotBlank().doesNotContain("${");
        assertThat(process.path("kaizen").path("commit").asText()).matches("[0-9a-f]{40}|unknown");
        for (String field : List.of("vendor", "version", "vm")) {
            assertThat(process.path("jvm").path(field).asText()).as("jvm." + field).isNotBlank();
        }
        for (String field : List.of("name", "version", "arch")) {
            assertThat(process.path("os").path(field).asText()).as("os." + field).isNotBlank();
        }
        assertThat(process.path("os").path("arch").asText()).isEqualTo(System.getProperty("os.arch"));
        assertThat(process.path("cpu").path("model").asText()).isNotBlank();
        assertThat(process.path("cpu").path("processors").asInt())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(process.path("cpu").path("flags").isArray()).isTrue();
        assertThat(process.path("plugins").isArray()).as("no plugins directory: an empty list").isTrue();
        JsonNode parts = process.path("parts");
        assertThat(names(parts)).containsExactly("environment", "policy", "method", "method.explorer",
                "method.optimizer", "evaluation.search", "evaluation.critic");
        assertThat(parts.path("environment").path("type").asText()).isEqualTo("test");
        assertThat(parts.path("environment").path("plugin").asText()).isEqualTo("classpath");
        assertThat(parts.path("method.explorer").path("type").asText()).isEqualTo("sample");
        assertThat(parts.path("method.explorer").path("plugin").asText()).isEqualTo("core");
        assertThat(parts.path("policy").path("provenance").isObject()).isTrue();

        RunProvenance read = RunProvenance.read(run.resolve("run.json"));
        assertThat(read.processes()).singleElement().satisfies(record -> {
            assertThat(record.recipe().name()).isEqualTo("iterate");
            assertThat(record.parts()).containsKey("method.optimizer");
        });
    }

    @Test
    void resumingAppendsTheNewProcessAndKeepsTheFirstAsItWas() throws Exception {
        Path run = run();
        JsonNode first = json.readTree(run.resolve("run.json").toFile()).path("processes").get(0);

        Cli.Result resumed = Cli.run("run", "--resume", run.toString());
        assertThat(resumed.code()).as(resumed.toString()).isZero();

        JsonNode file = json.readTree(run.resolve("run.json").toFile());
        assertThat(file.path("processes")).hasSize(2);
        assertThat(file.path("processes").get(0)).isEqualTo(first);
        assertThat(file.path("processes").get(1).path("resumed").asBoolean()).isTrue();
        assertThat(file.path("changed").asBoolean(true)).as(file.toPrettyString()).isFalse();
        assertThat(file.path("differences")).isEmpty();
        RunProvenance read = RunProvenance.read(run.resolve("run.json"));
        assertThat(RunProvenance.differences(read.processes().get(0), read.processes().get(1))).isEmpty();
    }

    @Test
    void aResumedRunWhoseRecordIsUnreadableKeepsItAsideAndStartsAgain() throws Exception {
        Path run = run();
        Files.writeString(run.resolve("run.json"), "{ not json");
        assertThat(Cli.run("run", "--resume", run.toString()).code()).isZero();
        assertThat(run.resolve("run.json.unreadable")).hasContent("{ not json");
        JsonNode file = json.readTree(run.resolve("run.json").toFile());
        assertThat(file.path("processes")).singleElement()
                .satisfies(process -> assertThat(process.path("resumed").asBoolean()).isTrue());
    }

    private Path run() throws Exception {
        Path recipe = Files.writeString(dir.resolve("iterate.yaml"), RECIPE);
        Path run = dir.resolve("run");
        Cli.Result result = Cli.run("run", recipe.toString(), "--out", run.toString());
        assertThat(result.code()).as(result.toString()).isZero();
        return run;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
