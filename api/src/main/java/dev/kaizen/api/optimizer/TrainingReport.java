package dev.kaizen.api.optimizer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a training call did.
 *
 * @param metrics final figures, e.g. {@code loss}, {@code accuracy}, {@code examples}
 * @param epochs per-epoch figures, in order
 */
public record TrainingReport(Map<String, Double> metrics, List<Map<String, Double>> epochs) {

    public TrainingReport {
        metrics = ordered(metrics);
        epochs = epochs.stream().map(TrainingReport::ordered).toList();
    }

    /** An unmodifiable copy in the given order ({@code Map.copyOf}'s order changes between JVM runs). */
    private static Map<String, Double> ordered(Map<String, Double> figures) {
        Map<String, Double> copy = new LinkedHashMap<>(figures);
        copy.forEach((name, value) -> {
            Objects.requireNonNull(name, "a figure has a null name");
            Objects.requireNonNull(value, () -> "figure '" + name + "' is null");
        });
        return Collections.unmodifiableMap(copy);
    }

    /** A report of a call that had nothing to train on. */
    public static TrainingReport empty() {
        return new TrainingReport(Map.of("examples", 0.0), List.of());
    }
}
