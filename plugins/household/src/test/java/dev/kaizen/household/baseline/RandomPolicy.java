package dev.kaizen.household.baseline;

import dev.kaizen.api.Seeds;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The random valid-action baseline: a uniformly random listed action. Randomness comes from the
 * sampling seed, the task id and the step.
 */
public final class RandomPolicy implements Policy {

    @Override
    public List<Decision> decide(List<AgentContext> contexts, Sampling sampling) {
        List<Decision> decisions = new ArrayList<>(contexts.size());
        for (AgentContext context : contexts) {
            SplittableRandom random = new SplittableRandom(
                    Seeds.derive(Seeds.derive(sampling.seed(), context.task().id()), context.step()));
            List<Action> actions = context.observation().actions();
            decisions.add(Decision.of(actions.get(random.nextInt(actions.size())), 0.0));
        }
        return decisions;
    }
}
