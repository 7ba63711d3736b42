package dev.kaizen.core.builtin;

import dev.kaizen.api.search.SearchAlgorithmConfig;

/** Config of search {@code greedy}: no fields; the policy's best action at every step. */
public record GreedySearchConfig() implements SearchAlgorithmConfig {
}
