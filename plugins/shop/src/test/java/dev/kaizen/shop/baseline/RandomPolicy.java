package dev.kaizen.shop.baseline;

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
 * The random valid-action baseline: a uniformly random concrete action of the page; where the page
 * has only the search box, a search for a random run of 1 to 6 consecutive instruction words.
 * Randomness comes from the sampling seed, the task id and the step.
 */
public final class RandomPolicy implements Policy {

    @Override
    public List<Decision> decide(List<AgentContext> contexts, Sampling sampling) {
        List<Decision> decisions = new ArrayList<>(contexts.size());
        for (AgentContext context : contexts) {
            SplittableRandom random = new SplittableRandom(
                    Seeds.derive(Seeds.derive(sampling.seed(), context.task().id()), context.step()));
            List<Action> actions = context.observation().actions();
            if (!actions.isEmpty()) {
                decisions.add(Decision.of(actions.get(random.nextInt(actions.size())), 0.0));
                continue;
            }
            String[] words = context.task().instruction().split(" ");
            int length = 1 + random.nextInt(Math.min(6, words.length));
            int start = random.nextInt(words.length - length + 1);
            String query = String.join(" ", List.of(words).subList(start, start + length));
            decisions.add(Decision.of(Action.of("search", query), 0.0));
        }
        return decisions;
    }
}
