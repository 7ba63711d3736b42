package dev.kaizen.api.memory;

import dev.kaizen.api.ComponentFactory;

/**
 * Builds experience memorys; an extension point.
 *
 * @param <C> the config type
 */
public interface ExperienceMemoryFactory<C extends ExperienceMemoryConfig> extends ComponentFactory<C, ExperienceMemory> {
}
