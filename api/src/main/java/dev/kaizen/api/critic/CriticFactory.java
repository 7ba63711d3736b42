package dev.kaizen.api.critic;

import dev.kaizen.api.ComponentFactory;

/**
 * Builds critics; an extension point.
 *
 * @param <C> the config type
 */
public interface CriticFactory<C extends CriticConfig> extends ComponentFactory<C, Critic> {
}
