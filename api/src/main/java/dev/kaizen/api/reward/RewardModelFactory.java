package dev.kaizen.api.reward;

import dev.kaizen.api.ComponentFactory;

/**
 * Builds reward models; an extension point.
 *
 * @param <C> the config type
 */
public interface RewardModelFactory<C extends RewardModelConfig> extends ComponentFactory<C, RewardModel> {
}
