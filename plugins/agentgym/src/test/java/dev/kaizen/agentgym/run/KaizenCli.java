package dev.kaizen.agentgym.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code kaizen} in this process, as a user would from the command line, and reads what a run wrote. */
final class KaizenCli {

    /** The distribution's recipes. */
    static final Path RECIPES = Path.of("..", "..", "dist", "recipes").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    private KaizenCli() {
    }

    record Result(int code, String out, String err, double seconds) {

        /** Everything printed, for assertion messages. */
        String printed() {
            return out + err;
        }
    }

    /** {@code kaizen run RECIPE --out OUT --set ...}. */
    static Result run(Path recipe, Path out, List<String> sets) {
        List<String> args = new ArrayList<>(List.of("run", recipe.toString(), "--out", out.toString()));
        for (String set : sets) {
            args.add("--set");
            args.add(set);
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        long started = System.nanoTime();
        int code = new Kaizen(Map.of(), new ByteArrayInputStream(new byte[0]),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8),
                ProgressDisplay.Mode.NONE, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC))
                .execute(args.toArray(String[]::new));
        return new Result(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8),
                (System.nanoTime() - started) / 1e9);
    }

    /** A recipe written to a file. */
    static Path recipe(Path dir, String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), yaml, StandardCharsets.UTF_8);
    }

    static JsonNode summary(Path out) throws IOException {
        return JSON.readTree(out.resolve("summary.json").toFile());
    }

    /** The run's metrics events named {@code event}. */
    static List<JsonNode> events(Path out, String event) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("metrics.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode node = JSON.readTree(line);
            if (node.path("event").asText().equals(event)) {
                found.add(node);
            }
        }
        return found;
    }
}
