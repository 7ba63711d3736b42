package dev.kaizen.stepagent.fakes;

import dev.kaizen.api.optimizer.OptimizerConfig;

/** Config of the fake {@code external} optimiser: no fields. */
public record FakeExternalConfig() implements OptimizerConfig {
}
