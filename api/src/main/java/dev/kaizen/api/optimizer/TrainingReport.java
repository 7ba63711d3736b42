package dev.kaizen.api.optimizer;

import java.util.List;
import java.util.Map;

/**
 * What a training call did.
 *
 * @param metrics final figures, e.g. {@code loss}, {@code accuracy}, {@code examples}
 * @param epochs per-epoch figures, in order
 */
public record TrainingReport(Map<String, Double> metrics, List<Map<String, Double>> epochs) {

    public TrainingReport {
        metrics = Map.copyOf(metrics);
        epochs = epochs.stream().map(Map::copyOf).toList();
    }

    /** A report of a call that had nothing to train on. */
    public static TrainingReport empty() {
        return new TrainingReport(Map.of("examples", 0.0), List.of());
    }
}
