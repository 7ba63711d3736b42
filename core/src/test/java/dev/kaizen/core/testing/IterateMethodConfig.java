package dev.kaizen.core.testing;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kaizen.api.method.TrainingMethodConfig;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.search.SearchAlgorithmConfig;

/**
 * Config of the test method {@code iterate-test}.
 *
 * @param iterations rounds of explore and train
 * @param tasks training tasks explored per round
 * @param explorer how to explore
 * @param optimizer how to train on the successes
 */
public record IterateMethodConfig(Integer iterations, Integer tasks,
                                  @JsonProperty(defaultValue = "{type: sample, samples: 2}") SearchAlgorithmConfig explorer,
                                  @JsonProperty(defaultValue = "{type: tabular-bc}") OptimizerConfig optimizer)
        implements TrainingMethodConfig {

    public IterateMethodConfig {
        iterations = iterations == null ? 3 : iterations;
        tasks = tasks == null ? 10 : tasks;
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
    }
}
