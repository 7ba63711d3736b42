package dev.kaizen.api.env;

import dev.kaizen.api.ComponentFactory;

/**
 * Builds environments; an extension point.
 *
 * @param <C> the config type
 */
public interface EnvironmentFactory<C extends EnvironmentConfig> extends ComponentFactory<C, Environment> {
}
