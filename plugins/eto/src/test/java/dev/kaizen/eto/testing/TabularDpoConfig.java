package dev.kaizen.eto.testing;

import dev.kaizen.api.optimizer.OptimizerConfig;

/** Config of the test {@code tabular-dpo} optimiser. */
public record TabularDpoConfig(Double beta, Double learningRate, Integer epochs, Double nllWeight)
        implements OptimizerConfig {

    public TabularDpoConfig {
        beta = beta == null ? 0.1 : beta;
        learningRate = learningRate == null ? 1.0 : learningRate;
        epochs = epochs == null ? 1 : epochs;
        nllWeight = nllWeight == null ? 0.0 : nllWeight;
        if (!(beta > 0)) {
            throw new IllegalArgumentException("beta must be > 0, got " + beta);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
    }
}
