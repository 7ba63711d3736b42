package dev.kaizen.api.optimizer;

import dev.kaizen.api.ComponentFactory;

/**
 * Builds optimisers; an extension point.
 *
 * @param <C> the config type
 */
public interface OptimizerFactory<C extends OptimizerConfig> extends ComponentFactory<C, Optimizer> {
}
