package dev.kaizen.api.policy;

import dev.kaizen.api.ComponentFactory;

/**
 * Builds policies; an extension point.
 *
 * @param <C> the config type
 */
public interface PolicyFactory<C extends PolicyConfig> extends ComponentFactory<C, Policy> {
}
