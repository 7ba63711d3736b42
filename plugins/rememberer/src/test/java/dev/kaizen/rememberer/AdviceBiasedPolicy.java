package dev.kaizen.rememberer;

import dev.kaizen.api.Seeds;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.policy.ActionValue;
import dev.kaizen.api.policy.Advice;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Candidate;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.testing.TabularPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * A test policy that uses advice as the neural policy does: the logit of each concrete action is
 * the tabular policy's log-probability plus {@code weight ×} the similarity-weighted mean Q the
 * advice gives that action. Counts the contexts that arrived with advice.
 */
public final class AdviceBiasedPolicy implements Policy {

    private final TabularPolicy tabular;
    private final double weight;
    private int advisedContexts;

    public AdviceBiasedPolicy(TabularPolicy tabular, double weight) {
        this.tabular = tabular;
        this.weight = weight;
    }

    public TabularPolicy tabular() {
        return tabular;
    }

    public int advisedContexts() {
        return advisedContexts;
    }

    @Override
    public List<Decision> decide(List<AgentContext> contexts, Sampling sampling) {
        List<Decision> out = new ArrayList<>();
        for (AgentContext context : contexts) {
            if (!context.advice().isEmpty()) {
                advisedContexts++;
            }
            List<Action> actions = context.observation().actions();
            if (actions.isEmpty()) {
                out.add(new Decision(List.of()));
                continue;
            }
            double[] logits = tabular.logProbabilities(java.util.Collections.nCopies(actions.size(), context), actions);
            for (int i = 0; i < actions.size(); i++) {
                double sum = 0;
                double norm = 0;
                for (Advice advice : context.advice()) {
                    for (ActionValue value : advice.actions()) {
                        if (value.action().equals(actions.get(i))) {
                            sum += advice.similarity() * value.value();
                            norm += advice.similarity();
                        }
                    }
                }
                if (norm > 0) {
                    logits[i] += weight * sum / norm;
                }
            }
            var random = new java.util.SplittableRandom(Seeds.derive(Seeds.derive(sampling.seed(), context.task().id()),
                    context.step()));
            int best = 0;
            double bestKey = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < actions.size(); i++) {
                double key = sampling.isGreedy() ? logits[i]
                        : logits[i] / sampling.temperature() - Math.log(-Math.log(random.nextDouble() + 1e-300));
                if (key > bestKey) {
                    bestKey = key;
                    best = i;
                }
            }
            out.add(Decision.of(actions.get(best), 0.0));
        }
        return out;
    }
}
