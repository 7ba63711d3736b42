package dev.kaizen.djl.optimizer;

import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.djl.config.TrainingFields;

/**
 * Config of the {@code bc} optimiser (behaviour cloning). Null means default.
 *
 * @param learningRate AdamW step size, {@code > 0}; default 0.003
 * @param epochs passes over the demonstrated steps, 1 to 10,000; default 8
 * @param batchSize steps per gradient step, 1 to 65,536; default 32
 * @param weightDecay AdamW decoupled weight decay, {@code >= 0}; default 0.0001
 * @param gradientClip clip each gradient element to this magnitude, {@code >= 0}, 0 for none; default 0
 */
public record BcConfig(Double learningRate, Integer epochs, Integer batchSize, Double weightDecay,
                       Double gradientClip) implements OptimizerConfig, TrainingSettings {

    public BcConfig {
        learningRate = learningRate == null ? 0.003 : learningRate;
        epochs = epochs == null ? 8 : epochs;
        batchSize = batchSize == null ? 32 : batchSize;
        weightDecay = weightDecay == null ? 1e-4 : weightDecay;
        gradientClip = gradientClip == null ? 0.0 : gradientClip;
        TrainingFields.schedule(learningRate, epochs, batchSize);
        TrainingFields.regularisation(weightDecay, gradientClip);
    }

    /** The defaults. */
    public BcConfig() {
        this(null, null, null, null, null);
    }
}
