package dev.kaizen.djl.optimizer;

import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.djl.config.Fields;
import dev.kaizen.djl.config.TrainingFields;

/**
 * Config of the {@code grpo} optimiser. Null means default.
 *
 * @param learningRate AdamW step size, {@code > 0}; default 0.0001
 * @param epochs passes over the steps per call, 1 to 10,000; default 2
 * @param batchSize steps per gradient step, 1 to 65,536; default 64
 * @param clip the ratio clip {@code ε}, in (0, 1); default 0.2
 * @param klCoefficient weight of the exact KL to the policy the call started from, {@code >= 0}, 0 for
 *     none; default 0.05
 * @param entropyCoefficient weight of an entropy bonus, {@code >= 0}; default 0
 * @param lengthNormalization whether each trajectory's steps share one weight, {@code 1/|τ|} each
 *     (GRPO), or every step weighs the same (Dr. GRPO, DAPO); default true
 * @param weightDecay AdamW decoupled weight decay, {@code >= 0}; default 0
 * @param gradientClip clip each gradient element to this magnitude, {@code >= 0}, 0 for none; default 0
 */
public record GrpoConfig(Double learningRate, Integer epochs, Integer batchSize, Double clip, Double klCoefficient,
                         Double entropyCoefficient, Boolean lengthNormalization, Double weightDecay,
                         Double gradientClip)
        implements OptimizerConfig, TrainingSettings {

    public GrpoConfig {
        learningRate = learningRate == null ? 1e-4 : learningRate;
        epochs = epochs == null ? 2 : epochs;
        batchSize = batchSize == null ? 64 : batchSize;
        clip = clip == null ? 0.2 : clip;
        klCoefficient = klCoefficient == null ? 0.05 : klCoefficient;
        entropyCoefficient = entropyCoefficient == null ? 0.0 : entropyCoefficient;
        lengthNormalization = lengthNormalization == null ? Boolean.TRUE : lengthNormalization;
        weightDecay = weightDecay == null ? 0.0 : weightDecay;
        gradientClip = gradientClip == null ? 0.0 : gradientClip;
        TrainingFields.schedule(learningRate, epochs, batchSize);
        Fields.positive("clip", clip);
        Fields.range("clip", clip, 0, 0.999);
        Fields.nonNegative("klCoefficient", klCoefficient);
        Fields.nonNegative("entropyCoefficient", entropyCoefficient);
        TrainingFields.regularisation(weightDecay, gradientClip);
    }

    /** The defaults. */
    public GrpoConfig() {
        this(null, null, null, null, null, null, null, null, null);
    }
}
