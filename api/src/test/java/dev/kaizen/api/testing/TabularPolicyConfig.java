package dev.kaizen.api.testing;

import dev.kaizen.api.policy.PolicyConfig;

/**
 * Config of the {@code tabular} test policy.
 *
 * @param initialLogit the logit of an action never trained
 */
public record TabularPolicyConfig(Double initialLogit) implements PolicyConfig {

    public TabularPolicyConfig {
        initialLogit = initialLogit == null ? 0.0 : initialLogit;
    }

    public TabularPolicyConfig() {
        this(null);
    }
}
