package dev.kaizen.eto.testing;

import dev.kaizen.api.reward.RewardModelConfig;

/** Config of the test {@code inverted} reward model. */
public record InvertedRewardConfig() implements RewardModelConfig {
}
