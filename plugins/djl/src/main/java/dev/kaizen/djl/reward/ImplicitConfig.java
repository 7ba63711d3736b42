package dev.kaizen.djl.reward;

import dev.kaizen.api.reward.RewardModelConfig;
import dev.kaizen.djl.config.Fields;

/**
 * Config of the {@code implicit} reward model.
 *
 * @param beta the scale {@code β} of {@code β·log π/π_ref}, {@code > 0}; default 0.1
 */
public record ImplicitConfig(Double beta) implements RewardModelConfig {

    public ImplicitConfig {
        beta = beta == null ? 0.1 : beta;
        Fields.positive("beta", beta);
    }

    /** The defaults. */
    public ImplicitConfig() {
        this(null);
    }
}
