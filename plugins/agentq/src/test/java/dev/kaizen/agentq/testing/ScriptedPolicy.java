package dev.kaizen.agentq.testing;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Candidate;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic policy for hand-computed search tests: asked for several actions it proposes the
 * observation's concrete actions in their order; asked for one (a rollout) it picks {@code single}
 * where allowed, else the first action. Counts its calls and the contexts they carried.
 */
public final class ScriptedPolicy implements Policy {

    private final Action single;
    private final List<Integer> batchSizes = new ArrayList<>();

    public ScriptedPolicy(Action single) {
        this.single = single;
    }

    public int calls() {
        return batchSizes.size();
    }

    public List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    @Override
    public List<Decision> decide(List<AgentContext> contexts, Sampling sampling) {
        batchSizes.add(contexts.size());
        List<Decision> out = new ArrayList<>();
        for (AgentContext context : contexts) {
            List<Action> actions = context.observation().actions();
            if (actions.isEmpty()) {
                out.add(new Decision(List.of()));
            } else if (sampling.count() == 1) {
                out.add(Decision.of(actions.contains(single) ? single : actions.get(0), 0.0));
            } else {
                out.add(new Decision(actions.subList(0, Math.min(sampling.count(), actions.size())).stream()
                        .map(a -> new Candidate(a, Math.log(1.0 / actions.size()))).toList()));
            }
        }
        return out;
    }
}
