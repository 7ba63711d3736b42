package dev.kaizen.eto.testing;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.critic.CriticFactory;

/** Test stand-in for the host's {@code none} critic: every candidate scores 0. Counts closes. */
public final class NoCriticFactory implements CriticFactory<NoCriticConfig> {

    public int created;
    public int closed;

    @Override
    public String name() {
        return "none";
    }

    @Override
    public Class<NoCriticConfig> configType() {
        return NoCriticConfig.class;
    }

    @Override
    public Critic create(NoCriticConfig config, ComponentContext context) {
        created++;
        return new Critic() {
            @Override
            public java.util.List<double[]> score(java.util.List<dev.kaizen.api.policy.AgentContext> contexts,
                                                  java.util.List<java.util.List<dev.kaizen.api.env.Action>> candidates) {
                return candidates.stream().map(c -> new double[c.size()]).toList();
            }

            @Override
            public void close() {
                closed++;
            }
        };
    }
}
