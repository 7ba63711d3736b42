package dev.kaizen.sweep.testing;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.PolicyFactory;
import org.pf4j.Extension;

/** Registers the test policy {@code throwing-test}, whose every decide throws: a part that fails for its own reason. */
@Extension
public final class ThrowingPolicyFactory implements PolicyFactory<ThrowingPolicyConfig> {

    @Override
    public String name() {
        return "throwing-test";
    }

    @Override
    public Class<ThrowingPolicyConfig> configType() {
        return ThrowingPolicyConfig.class;
    }

    @Override
    public Policy create(ThrowingPolicyConfig config, ComponentContext context) {
        return (contexts, sampling) -> {
            throw new IllegalStateException(config.message());
        };
    }
}
