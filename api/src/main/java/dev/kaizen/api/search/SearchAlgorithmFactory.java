package dev.kaizen.api.search;

import dev.kaizen.api.ComponentFactory;

/**
 * Builds search algorithms; an extension point.
 *
 * @param <C> the config type
 */
public interface SearchAlgorithmFactory<C extends SearchAlgorithmConfig> extends ComponentFactory<C, SearchAlgorithm> {
}
