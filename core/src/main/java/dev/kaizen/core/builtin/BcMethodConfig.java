package dev.kaizen.core.builtin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kaizen.api.method.TrainingMethodConfig;
import dev.kaizen.api.optimizer.OptimizerConfig;

/**
 * Config of method {@code bc}: behaviour cloning on expert demonstrations.
 *
 * @param demonstrations how many training tasks (the first ones of {@code train}) to collect
 *     expert demonstrations for, {@code >= 1} (default 1000; capped by the split's size)
 * @param optimizer the optimiser that trains the policy on them (default {@code {type: bc}})
 * @param evaluateBaseline whether to evaluate the untrained policy first, as stage
 *     {@code untrained} (default false)
 */
public record BcMethodConfig(Integer demonstrations,
                             @JsonProperty(defaultValue = "{type: bc}") OptimizerConfig optimizer,
                             Boolean evaluateBaseline) implements TrainingMethodConfig {

    public BcMethodConfig {
        demonstrations = demonstrations == null ? 1000 : demonstrations;
        evaluateBaseline = evaluateBaseline == null ? Boolean.FALSE : evaluateBaseline;
        if (demonstrations < 1) {
            throw new IllegalArgumentException("demonstrations must be >= 1, got " + demonstrations);
        }
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer is required, e.g. optimizer: {type: bc}");
        }
    }
}
