package dev.kaizen.agentq.critic;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.critic.CriticFactory;
import dev.kaizen.api.policy.Policy;
import org.pf4j.Extension;

/** Registers {@link PolicyCritic} as critic {@code policy-critic}. */
@Extension
public final class PolicyCriticFactory implements CriticFactory<PolicyCriticConfig> {

    @Override
    public String name() {
        return "policy-critic";
    }

    @Override
    public Class<PolicyCriticConfig> configType() {
        return PolicyCriticConfig.class;
    }

    @Override
    public Critic create(PolicyCriticConfig config, ComponentContext context) {
        if (config.policy() == null) {
            return new PolicyCritic(null, false, config.scoring(), name());
        }
        Policy policy = context.create(config.policy());
        return new PolicyCritic(policy, true, config.scoring(), name());
    }

    @Override
    public String description() {
        return "ranks proposed actions by a policy's scores (the searching policy unless one is configured)";
    }
}
