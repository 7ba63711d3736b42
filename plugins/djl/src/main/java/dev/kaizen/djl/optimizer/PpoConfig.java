package dev.kaizen.djl.optimizer;

import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.djl.config.Fields;
import dev.kaizen.djl.config.TrainingFields;

/**
 * Config of the {@code ppo} optimiser. Null means default.
 *
 * @param learningRate AdamW step size, {@code > 0}; default 0.0003
 * @param epochs passes over the steps per call, 1 to 10,000; default 4
 * @param batchSize steps per gradient step, 1 to 65,536; default 64
 * @param clip the ratio clip {@code ε}, in (0, 1); default 0.2
 * @param gamma the discount {@code γ}, in [0, 1]; default 0.99
 * @param lambda the GAE {@code λ}, in [0, 1]; default 0.95
 * @param valueCoefficient weight of the value loss, {@code >= 0}; default 0.5
 * @param entropyCoefficient weight of the entropy bonus, {@code >= 0}; default 0.01
 * @param klCoefficient weight of the exact KL to the reference (the policy at the start of the call),
 *     {@code >= 0}, 0 for none; default 0
 * @param normalizeAdvantages whether advantages are standardised over the call's steps; default true
 * @param weightDecay AdamW decoupled weight decay, {@code >= 0}; default 0
 * @param gradientClip clip each gradient element to this magnitude, {@code >= 0}, 0 for none; default 0
 */
public record PpoConfig(Double learningRate, Integer epochs, Integer batchSize, Double clip, Double gamma,
                        Double lambda, Double valueCoefficient, Double entropyCoefficient, Double klCoefficient,
                        Boolean normalizeAdvantages, Double weightDecay, Double gradientClip)
        implements OptimizerConfig, TrainingSettings {

    public PpoConfig {
        learningRate = learningRate == null ? 3e-4 : learningRate;
        epochs = epochs == null ? 4 : epochs;
        batchSize = batchSize == null ? 64 : batchSize;
        clip = clip == null ? 0.2 : clip;
        gamma = gamma == null ? 0.99 : gamma;
        lambda = lambda == null ? 0.95 : lambda;
        valueCoefficient = valueCoefficient == null ? 0.5 : valueCoefficient;
        entropyCoefficient = entropyCoefficient == null ? 0.01 : entropyCoefficient;
        klCoefficient = klCoefficient == null ? 0.0 : klCoefficient;
        normalizeAdvantages = normalizeAdvantages == null ? Boolean.TRUE : normalizeAdvantages;
        weightDecay = weightDecay == null ? 0.0 : weightDecay;
        gradientClip = gradientClip == null ? 0.0 : gradientClip;
        TrainingFields.schedule(learningRate, epochs, batchSize);
        Fields.positive("clip", clip);
        Fields.range("clip", clip, 0, 0.999);
        Fields.range("gamma", gamma, 0, 1);
        Fields.range("lambda", lambda, 0, 1);
        Fields.nonNegative("valueCoefficient", valueCoefficient);
        Fields.nonNegative("entropyCoefficient", entropyCoefficient);
        Fields.nonNegative("klCoefficient", klCoefficient);
        TrainingFields.regularisation(weightDecay, gradientClip);
    }

    /** The defaults. */
    public PpoConfig() {
        this(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
