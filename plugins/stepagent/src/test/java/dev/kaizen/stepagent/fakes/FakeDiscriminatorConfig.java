package dev.kaizen.stepagent.fakes;

import dev.kaizen.api.reward.RewardModelConfig;

/** Config of the fake {@code discriminator}: the reward it gives steps it has not seen in a pair. */
public record FakeDiscriminatorConfig(Double unknownReward) implements RewardModelConfig {

    public FakeDiscriminatorConfig {
        unknownReward = unknownReward == null ? 0.25 : unknownReward;
    }
}
