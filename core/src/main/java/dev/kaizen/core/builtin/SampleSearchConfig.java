package dev.kaizen.core.builtin;

import dev.kaizen.api.search.SearchAlgorithmConfig;

/**
 * Config of search {@code sample}.
 *
 * @param samples independent rollouts per task, {@code >= 1} (default 4)
 * @param temperature sampling temperature, {@code >= 0} (default 1.0; 0 makes every sample greedy)
 */
public record SampleSearchConfig(Integer samples, Double temperature) implements SearchAlgorithmConfig {

    public SampleSearchConfig {
        samples = samples == null ? 4 : samples;
        temperature = temperature == null ? 1.0 : temperature;
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
        if (!(temperature >= 0) || temperature.isInfinite()) {
            throw new IllegalArgumentException("temperature must be a finite number >= 0, got " + temperature);
        }
    }
}
