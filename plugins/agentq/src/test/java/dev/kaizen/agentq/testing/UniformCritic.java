package dev.kaizen.agentq.testing;

import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.policy.AgentContext;
import java.util.List;

/** Scores every candidate 0, as the host's {@code none} critic does: guidance off. */
public final class UniformCritic implements Critic {

    @Override
    public List<double[]> score(List<AgentContext> contexts, List<List<Action>> candidates) {
        return candidates.stream().map(c -> new double[c.size()]).toList();
    }
}
