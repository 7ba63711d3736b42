package dev.kaizen.agentgym;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.EnvironmentFactory;
import org.pf4j.Extension;

/** Registers {@link AgentGymEnvironment}. */
@Extension
public final class AgentGymFactory implements EnvironmentFactory<AgentGymConfig> {

    @Override
    public String name() {
        return "agentgym";
    }

    @Override
    public Class<AgentGymConfig> configType() {
        return AgentGymConfig.class;
    }

    @Override
    public Environment create(AgentGymConfig config, ComponentContext context) {
        return new AgentGymEnvironment(config);
    }

    @Override
    public String description() {
        return "tasks served over HTTP by an AgentGym environment server (webshop, alfworld, babyai, sciworld, ...)";
    }
}
