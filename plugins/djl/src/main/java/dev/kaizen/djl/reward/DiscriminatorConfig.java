package dev.kaizen.djl.reward;

import dev.kaizen.api.reward.RewardModelConfig;
import dev.kaizen.djl.config.Fields;
import dev.kaizen.djl.config.TrainingFields;

/**
 * Config of the {@code discriminator} reward model. Null means default.
 *
 * @param form how {@code D} becomes a step reward: {@code log-d} (default), {@code neg-log-one-minus-d},
 *     {@code d} or {@code logit} ({@code log D − log(1 − D)}, AIRL's)
 * @param learningRate AdamW step size, {@code > 0}; default 0.001
 * @param epochs passes over the steps per fit, 1 to 10,000; default 5
 * @param batchSize steps per gradient step, 1 to 65,536; default 64
 * @param weightDecay AdamW decoupled weight decay, {@code >= 0}; default 0.0001
 * @param buckets hashed embedding rows of its network, 1,024 to 4,194,304; default 16,384
 * @param embeddingSize embedding width of its network, 4 to 512; default 16
 * @param hiddenSize hidden width of its network, 4 to 2,048; default 32
 */
public record DiscriminatorConfig(RewardForm form, Double learningRate, Integer epochs, Integer batchSize,
                                  Double weightDecay, Integer buckets, Integer embeddingSize, Integer hiddenSize)
        implements RewardModelConfig {

    public DiscriminatorConfig {
        form = form == null ? RewardForm.LOG_D : form;
        learningRate = learningRate == null ? 1e-3 : learningRate;
        epochs = epochs == null ? 5 : epochs;
        batchSize = batchSize == null ? 64 : batchSize;
        weightDecay = weightDecay == null ? 1e-4 : weightDecay;
        buckets = buckets == null ? 16_384 : buckets;
        embeddingSize = embeddingSize == null ? 16 : embeddingSize;
        hiddenSize = hiddenSize == null ? 32 : hiddenSize;
        TrainingFields.schedule(learningRate, epochs, batchSize);
        Fields.nonNegative("weightDecay", weightDecay);
        Fields.range("buckets", buckets, 1_024, 4_194_304);
        Fields.range("embeddingSize", embeddingSize, 4, 512);
        Fields.range("hiddenSize", hiddenSize, 4, 2_048);
    }

    /** The defaults. */
    public DiscriminatorConfig() {
        this(null, null, null, null, null, null, null, null);
    }
}
