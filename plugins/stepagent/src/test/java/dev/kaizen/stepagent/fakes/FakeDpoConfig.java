package dev.kaizen.stepagent.fakes;

import dev.kaizen.api.optimizer.OptimizerConfig;

/** Config of the fake {@code dpo}: {@code beta} is only recorded. */
public record FakeDpoConfig(Double beta, Double step) implements OptimizerConfig {

    public FakeDpoConfig {
        beta = beta == null ? 0.1 : beta;
        step = step == null ? 1.0 : step;
    }
}
