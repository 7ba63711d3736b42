package dev.kaizen.djl.optimizer;

import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.djl.config.Fields;
import dev.kaizen.djl.config.TrainingFields;

/**
 * Config of the {@code dpo} optimiser. Null means default.
 *
 * @param beta the DPO temperature {@code β}, {@code > 0}; default 0.1
 * @param nllWeight weight of an extra negative log-likelihood term on the chosen continuation
 *     (per step), {@code >= 0}; default 0
 * @param learningRate AdamW step size, {@code > 0}; default 0.0003
 * @param epochs passes over the pairs, 1 to 10,000; default 3
 * @param batchSize pairs per gradient step, 1 to 65,536; default 16
 * @param weightDecay AdamW decoupled weight decay, {@code >= 0}; default 0
 * @param gradientClip clip each gradient element to this magnitude, {@code >= 0}, 0 for none; default 0
 */
public record DpoConfig(Double beta, Double nllWeight, Double learningRate, Integer epochs, Integer batchSize,
                        Double weightDecay, Double gradientClip) implements OptimizerConfig, TrainingSettings {

    public DpoConfig {
        beta = beta == null ? 0.1 : beta;
        nllWeight = nllWeight == null ? 0.0 : nllWeight;
        learningRate = learningRate == null ? 3e-4 : learningRate;
        epochs = epochs == null ? 3 : epochs;
        batchSize = batchSize == null ? 16 : batchSize;
        weightDecay = weightDecay == null ? 0.0 : weightDecay;
        gradientClip = gradientClip == null ? 0.0 : gradientClip;
        Fields.positive("beta", beta);
        Fields.nonNegative("nllWeight", nllWeight);
        TrainingFields.schedule(learningRate, epochs, batchSize);
        TrainingFields.regularisation(weightDecay, gradientClip);
    }

    /** The defaults. */
    public DpoConfig() {
        this(null, null, null, null, null, null, null);
    }
}
