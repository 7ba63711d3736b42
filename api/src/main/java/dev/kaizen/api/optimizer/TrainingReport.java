package dev.kaizen.api.optimizer;

import dev.kaizen.api.OrderedMaps;
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
        metrics = OrderedMaps.copy(metrics, "training metrics");
        epochs = epochs.stream().map(epoch -> OrderedMaps.copy(epoch, "epoch figures")).toList();
    }

    /** A report of a call that had nothing to train on. */
    public static TrainingReport empty() {
        return new TrainingReport(Map.of("examples", 0.0), List.of());
    }
}
