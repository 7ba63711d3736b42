package dev.kaizen.api.testing;

import dev.kaizen.api.optimizer.OptimizerConfig;

/**
 * Config of the {@code tabular-bc} test optimiser.
 *
 * @param step how much each demonstrated action's logit grows per epoch
 * @param epochs passes over the data
 */
public record TabularBcConfig(Double step, Integer epochs) implements OptimizerConfig {

    public TabularBcConfig {
        step = step == null ? 1.0 : step;
        epochs = epochs == null ? 1 : epochs;
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
    }

    public TabularBcConfig() {
        this(null, null);
    }
}
