package dev.kaizen.core.builtin;

import dev.kaizen.api.reward.RewardModelConfig;

/** Config of reward model {@code environment}: no fields. */
public record EnvironmentRewardConfig() implements RewardModelConfig {
}
