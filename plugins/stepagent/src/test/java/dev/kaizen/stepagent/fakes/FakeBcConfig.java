package dev.kaizen.stepagent.fakes;

import dev.kaizen.api.optimizer.OptimizerConfig;

/** Config of the fake {@code bc}: each demonstrated action's logit grows by {@code step}. */
public record FakeBcConfig(Double step) implements OptimizerConfig {

    public FakeBcConfig {
        step = step == null ? 1.0 : step;
    }
}
