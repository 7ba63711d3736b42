package dev.kaizen.stepagent.fakes;

import dev.kaizen.api.reward.RewardModelConfig;

/** Config of the fake {@code implicit} reward: {@code β·(log π − log π_ref)} per step. */
public record FakeImplicitConfig(Double beta) implements RewardModelConfig {

    public FakeImplicitConfig {
        beta = beta == null ? 0.1 : beta;
    }
}
