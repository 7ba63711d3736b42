package dev.kaizen.eto.testing;

import dev.kaizen.api.optimizer.OptimizerConfig;

/** Config of the test {@code bc} optimiser (behaviour cloning for the tabular policy). */
public record RecordingBcConfig(Double step, Integer epochs) implements OptimizerConfig {

    public RecordingBcConfig {
        step = step == null ? 1.0 : step;
        epochs = epochs == null ? 1 : epochs;
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
    }
}
