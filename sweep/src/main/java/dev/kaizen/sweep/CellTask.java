package dev.kaizen.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.cli.Kaizen;
import dev.kaizen.core.rollout.ProgressDisplay;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

/**
 * Runs one cell in the executor's JVM, as {@code kaizen run} would: a new run into
 * {@code DIR/runs/ID}, or {@code --resume} of a run that was interrupted (also when Spark runs the
 * task again after losing an executor), or nothing if the run completed before. Its output goes to
 * {@code DIR/logs/ID.log}. The plugins are loaded once per executor JVM and shared by its cells.
 */
final class CellTask implements Function<Cell, CellOutcome> {

    private static final long serialVersionUID = 1L;

    private final String out;
    private final HashMap<String, String> environment;
    private final ArrayList<String> plugins = new ArrayList<>();

    /**
     * @param out the sweep directory, as a path every executor can write
     * @param environment {@code KAIZEN_HOME} as the driver has it
     * @param plugins the plugins directories the driver loads, in order: each cell loads exactly these
     */
    CellTask(Path out, Map<String, String> environment, List<Path> plugins) {
        this.out = out.toAbsolutePath().toString();
        this.environment = new HashMap<>(environment);
        this.environment.remove("KAIZEN_PLUGINS");
        plugins.forEach(directory -> this.plugins.add(directory.toAbsolutePath().toString()));
    }

    @Override
    public CellOutcome call(Cell cell) throws IOException {
        Path run = Path.of(out, "runs", cell.id());
        Path summary = run.resolve("summary.json");
        ObjectMapper json = new ObjectMapper();
        if (Files.isRegularFile(summary) && "completed".equals(json.readTree(summary.toFile()).path("status").asText())) {
            return outcome(cell, json.readTree(summary.toFile()), 0, true);
        }
        List<String> args = new ArrayList<>();
        if (Files.isRegularFile(run.resolve("recipe.yaml"))) {
            args.addAll(List.of("run", "--resume", run.toString()));
        } else {
            deleteEmpty(run);
            args.addAll(List.of("run", cell.recipe(), "--out", run.toString()));
            for (String set : cell.sets()) {
                args.add("--set");
                args.add(set);
            }
        }
        args.add("--no-builtin-plugins");
        for (String directory : plugins) {
            args.addAll(List.of("--plugins", directory));
        }
        Path log = Files.createDirectories(Path.of(out, "logs")).resolve(cell.id() + ".log");
        int code;
        try (OutputStream file = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
             PrintStream stream = new PrintStream(file, true, StandardCharsets.UTF_8)) {
            TaskContext task = TaskContext.get();
            stream.println("kaizen sweep: cell " + cell.id() + ", attempt " + (task == null ? 1 : task.attemptNumber() + 1)
                    + ": kaizen " + String.join(" ", args));
            code = new Kaizen(environment, new ByteArrayInputStream(new byte[0]), stream, stream,
                    ProgressDisplay.Mode.LINES, Clock.systemDefaultZone()).sharingPlugins()
                    .execute(args.toArray(String[]::new));
        }
        JsonNode written = Files.isRegularFile(summary) ? json.readTree(summary.toFile()) : json.createObjectNode();
        return outcome(cell, written, code, false, log);
    }

    private static CellOutcome outcome(Cell cell, JsonNode summary, int code, boolean skipped) {
        return outcome(cell, summary, code, skipped, null);
    }

    private static CellOutcome outcome(Cell cell, JsonNode summary, int code, boolean skipped, Path log) {
        boolean completed = code == 0 && "completed".equals(summary.path("status").asText());
        String reason = completed ? null : summary.hasNonNull("error") ? summary.path("error").asText()
                : lastLine(log, code);
        return new CellOutcome(cell.id(), completed ? CellOutcome.COMPLETED : CellOutcome.FAILED, code, reason,
                skipped, summary.path("totalWallSeconds").asDouble(summary.path("wallSeconds").asDouble()),
                keptStage(summary));
    }

    /** The evaluations of the stage the run kept (else of the last stage evaluated), as plain maps. */
    static List<Map<String, Object>> keptStage(JsonNode summary) {
        JsonNode evaluations = summary.path("evaluations");
        List<Map<String, Object>> found = new ArrayList<>();
        if (evaluations.isEmpty()) {
            return found;
        }
        String last = summary.path("kept").isTextual() ? summary.path("kept").asText()
                : evaluations.get(evaluations.size() - 1).path("stage").asText();
        ObjectMapper json = new ObjectMapper();
        for (JsonNode evaluation : evaluations) {
            if (last.equals(evaluation.path("stage").asText())) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = json.convertValue(evaluation, HashMap.class);
                found.add(map);
            }
        }
        return found;
    }

    private static String lastLine(Path log, int code) {
        if (log != null && Files.isRegularFile(log)) {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                        .filter(line -> line.startsWith("kaizen:")).toList();
                if (!lines.isEmpty()) {
                    return lines.get(lines.size() - 1).substring("kaizen:".length()).trim();
                }
            } catch (IOException | UncheckedIOException e) {
                // the exit code says enough
            }
        }
        return "kaizen run exited with " + code;
    }

    private static void deleteEmpty(Path run) throws IOException {
        if (Files.isDirectory(run)) {
            try (var listing = Files.list(run)) {
                if (listing.findAny().isEmpty()) {
                    Files.delete(run);
                }
            }
        }
    }
}
