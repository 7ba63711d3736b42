package dev.kaizen.eto.testing;

import dev.kaizen.api.search.SearchAlgorithmConfig;

/** Config of the test {@code sample} search: {@code samples} rollouts per task at {@code temperature}. */
public record SampleSearchConfig(Integer samples, Double temperature) implements SearchAlgorithmConfig {

    public SampleSearchConfig {
        samples = samples == null ? 1 : samples;
        temperature = temperature == null ? 1.0 : temperature;
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
    }
}
