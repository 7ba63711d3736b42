package dev.kaizen.core.builtin;

import dev.kaizen.api.method.TrainingMethodConfig;

/**
 * Config of method {@code evaluate}.
 *
 * @param checkpoint a policy checkpoint folder to load before evaluating (a stage's
 *     {@code checkpoints/STAGE} folder or the {@code policy} folder inside it); null evaluates the
 *     recipe's policy as built
 */
public record EvaluateMethodConfig(String checkpoint) implements TrainingMethodConfig {

    public EvaluateMethodConfig {
        if (checkpoint != null && checkpoint.isBlank()) {
            throw new IllegalArgumentException("checkpoint must be a folder path or absent, got an empty string");
        }
    }
}
