package dev.kaizen.sweep.testing;

import dev.kaizen.api.policy.PolicyConfig;

/**
 * Config of the test policy {@code throwing-test}.
 *
 * @param message what its exception says
 */
public record ThrowingPolicyConfig(String message) implements PolicyConfig {

    public ThrowingPolicyConfig {
        message = message == null ? "the model refused" : message;
    }
}
