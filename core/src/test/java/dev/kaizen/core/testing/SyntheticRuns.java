package dev.kaizen.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes run directories as a finished run leaves them ({@code summary.json}, {@code recipe.yaml}),
 * with chosen figures, for tests of commands that read runs.
 */
public final class SyntheticRuns {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SyntheticRuns() {
    }

    /** A summary with no evaluations yet; add them with {@link #evaluation}. */
    public static ObjectNode summary(String recipe, long seed, String status) {
        ObjectNode summary = JSON.createObjectNode();
        summary.put("recipe", recipe).put("method", recipe.split("-")[0]).put("seed", seed).put("status", status)
                .put("resumed", false).put("wallSeconds", 1.5).put("totalWallSeconds", 1.5);
        summary.putArray("stages");
        summary.putArray("evaluations");
        return summary;
    }

    /** Adds an evaluation of {@code episodes} episodes, {@code errors} of them errored (policy), to {@code summary}. */
    public static ObjectNode evaluation(ObjectNode summary, String stage, String split, int episodes, int errors,
                                        double successRate, double meanReward) {
        ObjectNode evaluation = ((ArrayNode) summary.get("evaluations")).addObject();
        evaluation.put("stage", stage).put("split", split).put("search", "greedy").put("episodes", episodes)
                .put("successRate", successRate).put("meanReward", meanReward);
        evaluation.putArray("successCi95").add(0.0).add(1.0);
        evaluation.putObject("errors").put("policy", errors).put("environment", 0).put("other", 0);
        evaluation.put("errorShare", errors / (double) episodes);
        return summary;
    }

    /** Adds a stage's validation (its run on held-out train tasks) and marks the stage {@code kept} if asked. */
    public static ObjectNode validation(ObjectNode summary, String stage, int episodes, double successRate,
                                        boolean kept) {
        ArrayNode list = summary.has("validation") ? (ArrayNode) summary.get("validation")
                : summary.putArray("validation");
        ObjectNode validation = list.addObject();
        validation.put("stage", stage).put("episodes", episodes).put("successRate", successRate)
                .put("meanReward", successRate);
        validation.putArray("successCi95").add(0.0).add(1.0);
        validation.putObject("errors").put("policy", 0).put("environment", 0).put("other", 0);
        if (kept) {
            summary.put("kept", stage);
        }
        return summary;
    }

    /** Writes {@code summary} and a recipe naming it into {@code directory}. */
    public static Path write(Path directory, ObjectNode summary) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("summary.json"), JSON.writeValueAsString(summary));
        Files.writeString(directory.resolve("recipe.yaml"), "name: " + summary.path("recipe").asText() + "\nseed: "
                + summary.path("seed").asLong() + "\n");
        return directory;
    }

    /** Writes a {@code run.json} whose first process ran at {@code started} on a processor {@code cpuModel}. */
    public static void provenance(Path directory, String started, String cpuModel) throws IOException {
        ObjectNode process = JSON.createObjectNode();
        process.put("started", started).put("resumed", false);
        process.putObject("recipe").put("name", "r").put("seed", started.hashCode());
        process.putObject("cpu").put("model", cpuModel).put("processors", 2).putArray("flags").add("avx2");
        process.putObject("jvm").put("version", "17.0.15");
        ObjectNode root = JSON.createObjectNode();
        root.putArray("processes").add(process);
        root.put("changed", false).putArray("differences");
        Files.writeString(directory.resolve("run.json"), JSON.writeValueAsString(root));
    }
}
