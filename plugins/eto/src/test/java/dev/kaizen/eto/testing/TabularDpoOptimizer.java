package dev.kaizen.eto.testing;

import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.TrainablePolicy;
import dev.kaizen.api.testing.TabularPolicy;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Step;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Sequence-level DPO (plus an optional NLL term on the chosen continuation) for the tabular test
 * policy, by plain gradient steps on its logits. The reference is a frozen copy of the policy taken
 * at the start of each {@link #train} call, as the api asks of preference optimisers.
 */
public final class TabularDpoOptimizer implements Optimizer {

    /** What one {@link #train} call saw. */
    public record Call(TabularDpoConfig config, TrainablePolicy reference, List<PreferencePair> pairs, long seed,
                       String label) {
    }

    private final TabularDpoConfig config;
    private final List<Call> calls;

    public TabularDpoOptimizer(TabularDpoConfig config, List<Call> calls) {
        this.config = config;
        this.calls = calls;
    }

    @Override
    public TrainingReport train(Policy policy, TrainingBatch batch) {
        if (!(policy instanceof TabularPolicy tabular)) {
            throw new IncompatiblePartsException("optimizer 'tabular-dpo' trains policies of type [tabular]; got "
                    + policy.getClass().getSimpleName());
        }
        TrainablePolicy reference = tabular.frozenCopy();
        calls.add(new Call(config, reference, batch.pairs(), batch.seed(), batch.label()));
        double loss = 0;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            loss = 0;
            for (PreferencePair pair : batch.pairs()) {
                double chosen = sequence(tabular, pair, pair.chosen()) - sequence(reference, pair, pair.chosen());
                double rejected = sequence(tabular, pair, pair.rejected()) - sequence(reference, pair, pair.rejected());
                double z = config.beta() * (chosen - rejected);
                loss += Math.log1p(Math.exp(-z));
                double weight = config.beta() / (1 + Math.exp(z));
                step(tabular, pair, pair.chosen(), config.learningRate() * (weight + config.nllWeight()));
                step(tabular, pair, pair.rejected(), -config.learningRate() * weight);
            }
            loss /= Math.max(1, batch.pairs().size());
        }
        return new TrainingReport(Map.of("loss", loss, "examples", (double) batch.pairs().size()), List.of());
    }

    private static double sequence(TrainablePolicy policy, PreferencePair pair, List<Step> continuation) {
        List<AgentContext> contexts = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        for (int j = 0; j < continuation.size(); j++) {
            contexts.add(PreferencePair.contextFor(pair.context(), continuation, j));
            actions.add(continuation.get(j).action());
        }
        double sum = 0;
        for (double v : policy.logProbabilities(contexts, actions)) {
            sum += v;
        }
        return sum;
    }

    /** Moves the logits along {@code scale · ∇ log π(continuation)}. */
    private static void step(TabularPolicy policy, PreferencePair pair, List<Step> continuation, double scale) {
        for (int j = 0; j < continuation.size(); j++) {
            AgentContext context = PreferencePair.contextFor(pair.context(), continuation, j);
            Action taken = continuation.get(j).action();
            LinkedHashSet<Action> candidates = new LinkedHashSet<>(context.observation().actions());
            candidates.add(taken);
            List<Action> all = new ArrayList<>(candidates);
            double[] logProbabilities = policy.logProbabilities(all.stream().map(a -> context).toList(), all);
            for (int k = 0; k < all.size(); k++) {
                double gradient = (all.get(k).equals(taken) ? 1.0 : 0.0) - Math.exp(logProbabilities[k]);
                policy.adjust(context, all.get(k), scale * gradient);
            }
        }
    }
}
