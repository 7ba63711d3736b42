package dev.kaizen.core.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a run directory's {@code summary.json} (required) and {@code run.json} (optional). A summary
 * that is not JSON or lacks {@code recipe}, {@code seed} or {@code evaluations} is bad input naming
 * the file; an unreadable {@code run.json} only costs the provenance check (a warning).
 */
final class RunReader {

    /** A run directory's status and, whatever the status, its record. */
    record Loaded(String status, RunRecord run) {
    }

    /** The split name validations are compared under. */
    static final String VALIDATION = "validation";

    private final ObjectMapper json;
    private final List<String> warnings;

    /** @param warnings where to add warnings */
    RunReader(ObjectMapper json, List<String> warnings) {
        this.json = json;
        this.warnings = warnings;
    }

    /**
     * The run in {@code directory}, pooled in {@code group} (null: the recipe's name).
     *
     * @throws BadInputException if it has no readable summary
     */
    Loaded read(Path directory, String group) {
        Path file = directory.resolve("summary.json");
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(directory + " has no summary.json: not a run directory, or a run that has "
                    + "not started");
        }
        JsonNode summary = parse(file);
        if (!summary.isObject()) {
            throw new BadInputException(file + " is not a run summary: expected a JSON object");
        }
        String recipe = text(summary, "recipe", file, "");
        JsonNode seed = summary.get("seed");
        if (seed == null || !seed.canConvertToLong() || !seed.isIntegralNumber()) {
            throw new BadInputException(file + " is not a run summary: it lacks a whole-number seed");
        }
        JsonNode list = summary.get("evaluations");
        if (list == null || !list.isArray()) {
            throw new BadInputException(file + " is not a run summary: it lacks the evaluations list");
        }
        List<SeedEvaluation> evaluations = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            evaluations.add(evaluation(list.get(i), file, "evaluations[" + i + "]."));
        }
        validations(summary.path("validation"), evaluations, file);
        String status = summary.path("status").isTextual() ? summary.path("status").asText() : "(no status)";
        String kept = summary.path("kept").isTextual() ? summary.path("kept").asText() : null;
        RunRecord run = new RunRecord(directory, group != null ? group : recipe, seed.asLong(), evaluations, kept,
                provenance(directory.resolve("run.json")));
        return new Loaded(status, run);
    }

    private SeedEvaluation evaluation(JsonNode node, Path file, String where) {
        return evaluation(node, file, where, text(node, "stage", file, where), text(node, "split", file, where),
                text(node, "search", file, where));
    }

    private SeedEvaluation evaluation(JsonNode node, Path file, String where, String stage, String split,
                                      String search) {
        EvaluationKey key = new EvaluationKey(stage, split, search);
        JsonNode episodes = node.get("episodes");
        if (episodes == null || !episodes.isIntegralNumber() || episodes.asInt() < 0) {
            throw new BadInputException(file + " is not a run summary: " + where + "episodes is not a count");
        }
        int errors = 0;
        for (String cause : List.of("policy", "environment", "other")) {
            errors += node.path("errors").path(cause).asInt(0);
        }
        if (errors < 0 || errors > episodes.asInt()) {
            throw new BadInputException(file + " is not a run summary: " + where + "errors counts " + errors
                    + " of " + episodes.asInt() + " episodes");
        }
        double successRate = number(node, "successRate", file, where);
        if (!(successRate >= 0 && successRate <= 1)) {
            throw new BadInputException(file + " is not a run summary: " + where + "successRate " + successRate
                    + " is not a rate between 0 and 1");
        }
        return new SeedEvaluation(key, episodes.asInt(), episodes.asInt() - errors, successRate,
                number(node, "meanReward", file, where));
    }

    /**
     * Adds each stage's validation (its run on the held-out train tasks) as an evaluation of the split
     * {@value #VALIDATION}, with the search of that stage's first evaluation: settings are compared
     * and chosen on it, never on {@code seen} or {@code unseen}.
     */
    private void validations(JsonNode list, List<SeedEvaluation> evaluations, Path file) {
        if (!list.isArray()) {
            return;
        }
        List<SeedEvaluation> splits = List.copyOf(evaluations);
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String stage = text(node, "stage", file, "validation[" + i + "].");
            String search = splits.stream().filter(e -> e.key().stage().equals(stage)).map(e -> e.key().search())
                    .findFirst().orElse("greedy");
            SeedEvaluation read = evaluation(node, file, "validation[" + i + "].", stage, VALIDATION, search);
            evaluations.add(read);
        }
    }

    private static String text(JsonNode node, String field, Path file, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new BadInputException(file + " is not a run summary: it lacks " + where + field);
        }
        return value.asText();
    }

    private static double number(JsonNode node, String field, Path file, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new BadInputException(file + " is not a run summary: it lacks " + where + field);
        }
        return value.asDouble();
    }

    private JsonNode parse(Path file) {
        try {
            return json.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + " is not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private Map<String, String> provenance(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            JsonNode first = json.readTree(file.toFile()).path("processes").path(0);
            if (first.isObject()) {
                return Provenance.flatten(first);
            }
            warnings.add(file + " has no processes[0]; its provenance is not compared");
        } catch (IOException e) {
            warnings.add(file + " is unreadable (" + e.getMessage().lines().findFirst().orElse("")
                    + "); its provenance is not compared");
        }
        return Map.of();
    }
}
