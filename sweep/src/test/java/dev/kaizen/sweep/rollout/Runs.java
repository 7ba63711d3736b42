package dev.kaizen.sweep.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.core.cli.Kaizen;
import dev.kaizen.core.rollout.ProgressDisplay;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs {@code kaizen} in this JVM and compares what two runs wrote. */
final class Runs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Runs() {
    }

    /** What a command printed and returned. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /**
     * {@code kaizen ARGS}; plugins are loaded once per JVM and shared, as a Spark executor shares them
     * (the PyTorch library of the djl plugin loads once per JVM).
     */
    static Result kaizen(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Kaizen(Map.of(), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ProgressDisplay.Mode.NONE, Clock.systemUTC()).sharingPlugins().execute(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Asserts that {@code actual} completed with the figures, stage episodes, files and totals of {@code expected}. */
    static void assertSameResults(Path expected, Path actual) throws IOException {
        JsonNode want = JSON.readTree(expected.resolve("summary.json").toFile());
        JsonNode got = JSON.readTree(actual.resolve("summary.json").toFile());
        assertThat(got.path("status").asText()).isEqualTo("completed");
        for (String field : List.of("evaluations", "validation", "kept")) {
            assertThat(got.path(field)).as(field).isEqualTo(want.path(field));
        }
        assertThat(got.path("stages").findValues("episodes")).isEqualTo(want.path("stages").findValues("episodes"));
        List<String> files = resultFiles(expected);
        assertThat(resultFiles(actual)).isEqualTo(files).isNotEmpty();
        for (String file : files) {
            assertThat(Files.readAllLines(actual.resolve(file))).as(file)
                    .isEqualTo(Files.readAllLines(expected.resolve(file)));
        }
        assertThat(event(actual, "run-end")).isEqualTo(event(expected, "run-end"));
    }

    /** The labels of the requests a run sent to its backend ({@code backend-request} events). */
    static List<String> backendRequests(Path run) throws IOException {
        List<String> labels = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonNode event = JSON.readTree(line);
            if (event.path("event").asText().equals("backend-request")) {
                labels.add(event.path("label").asText());
            }
        }
        return labels;
    }

    /** Every file that holds a run's results: trajectories, pairs, evaluated episodes. */
    private static List<String> resultFiles(Path run) throws IOException {
        List<String> files = new ArrayList<>();
        for (String folder : List.of("trajectories", "pairs", "evaluation")) {
            if (Files.isDirectory(run.resolve(folder))) {
                try (Stream<Path> listing = Files.list(run.resolve(folder))) {
                    listing.sorted().forEach(file -> files.add(run.relativize(file).toString()));
                }
            }
        }
        return files;
    }

    /** The first event of that name, without its times. */
    private static JsonNode event(Path run, String name) throws IOException {
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonNode event = JSON.readTree(line);
            if (event.path("event").asText().equals(name)) {
                return ((ObjectNode) event).remove(List.of("time", "seconds"));
            }
        }
        throw new AssertionError("no " + name + " event in " + run);
    }
}
