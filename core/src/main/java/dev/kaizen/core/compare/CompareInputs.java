package dev.kaizen.core.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The runs named by {@code kaizen compare}'s arguments. Each argument is a run directory (it holds
 * {@code summary.json} or {@code recipe.yaml}) or a sweep directory (it holds {@code sweep.json} or
 * {@code runs/}). A sweep's runs are the {@code cells} of its {@code sweep.json} ({@code run}: the
 * run directory relative to the sweep, {@code group}), else every folder in {@code runs/}, by name.
 * A run's group is its cell's group, else its recipe's name; its seed is always its summary's.
 *
 * @param runs the completed runs, in the order the arguments reach them
 * @param skipped runs that did not complete
 * @param warnings what the user should know (unreadable provenance)
 */
public record CompareInputs(List<RunRecord> runs, List<SkippedRun> skipped, List<String> warnings) {

    public CompareInputs {
        runs = List.copyOf(runs);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    /** Whether {@code directory} is a sweep directory (and not a run directory). */
    public static boolean isSweep(Path directory) {
        return Files.isDirectory(directory) && !isRun(directory)
                && (Files.isRegularFile(directory.resolve("sweep.json")) || Files.isDirectory(directory.resolve("runs")));
    }

    private static boolean isRun(Path directory) {
        return Files.exists(directory.resolve("summary.json")) || Files.exists(directory.resolve("recipe.yaml"));
    }

    /**
     * Reads the runs of {@code directories}.
     *
     * @throws BadInputException for a missing or foreign directory, an unreadable summary or
     *     {@code sweep.json}, two runs of one group with one seed, or no completed run at all
     */
    public static CompareInputs read(List<Path> directories, ObjectMapper json) {
        List<String> warnings = new ArrayList<>();
        RunReader reader = new RunReader(json, warnings);
        List<RunRecord> runs = new ArrayList<>();
        List<SkippedRun> skipped = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path directory : directories) {
            if (!Files.exists(directory)) {
                throw new BadInputException(directory + ": no such directory");
            }
            if (!Files.isDirectory(directory)) {
                throw new BadInputException(directory + " is a file; name a run directory or a sweep directory");
            }
            Map<Path, String> found = new LinkedHashMap<>(); // run directory -> group, or null
            boolean sweep = isSweep(directory);
            if (isRun(directory)) {
                found.put(directory, null);
            } else if (sweep) {
                found.putAll(sweepRuns(directory, json));
                if (found.isEmpty()) {
                    warnings.add("sweep " + directory + " has no runs yet");
                }
            } else {
                throw new BadInputException(directory + " is neither a run directory (no summary.json, no recipe.yaml) "
                        + "nor a sweep directory (no sweep.json, no runs/)");
            }
            for (Map.Entry<Path, String> entry : found.entrySet()) {
                Path run = entry.getKey();
                if (!seen.add(run.toAbsolutePath().normalize())) {
                    continue;
                }
                if (sweep && !Files.isRegularFile(run.resolve("summary.json"))) {
                    skipped.add(new SkippedRun(run, "missing"));
                    continue;
                }
                RunReader.Loaded loaded = reader.read(run, entry.getValue());
                if ("completed".equals(loaded.status())) {
                    runs.add(loaded.run());
                } else {
                    skipped.add(new SkippedRun(run, loaded.status()));
                }
            }
        }
        if (runs.isEmpty()) {
            throw new BadInputException("nothing to compare: no completed run in " + directories
                    + (skipped.isEmpty() ? "" : "; not completed: " + skipped.stream()
                            .map(r -> r.path() + " (" + r.status() + ")").limit(5).toList()));
        }
        rejectDuplicates(runs);
        return new CompareInputs(runs, skipped, warnings);
    }

    /** A sweep's run directories, each with its cell's group (null when the cell names none). */
    private static Map<Path, String> sweepRuns(Path sweep, ObjectMapper json) {
        Map<Path, String> runs = new LinkedHashMap<>();
        Path file = sweep.resolve("sweep.json");
        JsonNode cells = Files.isRegularFile(file) ? parse(file, json).path("cells") : null;
        if (cells != null && cells.isArray() && !cells.isEmpty()) {
            for (int i = 0; i < cells.size(); i++) {
                JsonNode cell = cells.get(i);
                if (!cell.path("run").isTextual() || cell.path("run").asText().isBlank()) {
                    throw new BadInputException(file + ": cells[" + i + "] lacks run, the run directory's path "
                            + "relative to the sweep");
                }
                runs.put(sweep.resolve(cell.path("run").asText()),
                        cell.path("group").isTextual() ? cell.path("group").asText() : null);
            }
            return runs;
        }
        Path folder = sweep.resolve("runs");
        if (Files.isDirectory(folder)) {
            try (Stream<Path> listing = Files.list(folder)) {
                listing.filter(Files::isDirectory).sorted().forEach(run -> runs.put(run, null));
            } catch (IOException e) {
                throw new BadInputException("cannot list " + folder + ": " + e.getMessage(), e);
            }
        }
        return runs;
    }

    private static JsonNode parse(Path file, ObjectMapper json) {
        try {
            JsonNode node = json.readTree(file.toFile());
            if (!node.isObject()) {
                throw new BadInputException(file + " is not a sweep description: expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + " is not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void rejectDuplicates(List<RunRecord> runs) {
        Map<String, RunRecord> bySeed = new LinkedHashMap<>();
        for (RunRecord run : runs) {
            RunRecord earlier = bySeed.putIfAbsent(run.group() + "\u0000" + run.seed(), run);
            if (earlier != null) {
                throw new BadInputException("runs " + earlier.path() + " and " + run.path() + " are both seed "
                        + run.seed() + " of group '" + run.group() + "'; compare one of them, or give them different "
                        + "recipe names");
            }
        }
    }
}
