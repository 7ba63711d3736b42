package dev.kaizen.api.testing;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.PolicyFactory;
import org.pf4j.Extension;

/** Registers {@link TabularPolicy} as policy {@code tabular}. */
@Extension
public final class TabularPolicyFactory implements PolicyFactory<TabularPolicyConfig> {

    @Override
    public String name() {
        return "tabular";
    }

    @Override
    public Class<TabularPolicyConfig> configType() {
        return TabularPolicyConfig.class;
    }

    @Override
    public Policy create(TabularPolicyConfig config, ComponentContext context) {
        return new TabularPolicy(config.initialLogit());
    }

    @Override
    public String description() {
        return "trainable tabular softmax policy for tests";
    }
}
