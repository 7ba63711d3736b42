package dev.kaizen.eto.testing;

import dev.kaizen.api.search.SearchAlgorithmConfig;

/** Config of the test {@code greedy} search (no fields). */
public record GreedySearchConfig() implements SearchAlgorithmConfig {
}
