package dev.kaizen.api.method;

import dev.kaizen.api.ComponentFactory;

/**
 * Builds training methods; an extension point.
 *
 * @param <C> the config type
 */
public interface TrainingMethodFactory<C extends TrainingMethodConfig> extends ComponentFactory<C, TrainingMethod> {
}
