package dev.kaizen.eto;

import dev.kaizen.api.env.Task;
import dev.kaizen.api.method.MethodContext;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.TrainablePolicy;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ETO (Song et al. 2024): behaviour cloning on expert demonstrations (or a checkpoint), then
 * {@code iterations} rounds of
 * <ol>
 *   <li>explore training tasks with the current policy through the explorer: by default any of the
 *       training tasks ({@link ExplorationPool}), mostly ones the policy was not trained on;
 *   <li>pair every explored trajectory with the expert trajectory of its task ({@link ExpertPairing});
 *       on a task the expert cannot demonstrate, with the best successful exploration of that task
 *       ({@link SelfPairing}), and not at all if none succeeded;
 *   <li>train trajectory-level DPO on the pairs in one optimiser call, so the reference is the
 *       policy at the start of the iteration, with that iteration's scheduled settings;
 *   <li>evaluate.
 * </ol>
 * The loop is {@link ExplorationRounds}'. Files of iteration {@code N}:
 * {@code trajectories/iter-N-explore.jsonl}, {@code pairs/iter-N.jsonl}; its DPO draws from the seed
 * stream {@code iter-N/dpo}. Used once, from one thread.
 */
final class EtoMethod extends ExplorationRounds {

    private final EtoConfig config;
    private final List<OptimizerConfig> dpoByIteration;

    /** Parts are resolved and the schedule checked by the factory before the method is built. */
    EtoMethod(EtoConfig config, Parts.Common parts, List<OptimizerConfig> dpoByIteration) {
        super("eto", config, parts);
        this.config = config;
        this.dpoByIteration = List.copyOf(dpoByIteration);
    }

    @Override
    void round(Round round) {
        TrainablePolicy reference = config.diagnostics() && round.policy() instanceof TrainablePolicy trainable
                ? trainable.frozenCopy() : null;
        try {
            iterate(round, reference);
        } finally {
            if (reference != null) {
                reference.close();
            }
        }
    }

    private void iterate(Round round, TrainablePolicy reference) {
        MethodContext context = round.context();
        Policy policy = round.policy();
        int iteration = round.iteration();
        String name = round.name();
        Explored explored = explore(round);
        context.metrics().record("eto-explore", explored.figures(iteration));

        ExpertPairing pairing = new ExpertPairing(config.truncationSlack());
        List<ExpertPairing.Result> perTask = new ArrayList<>();
        int selfPaired = 0;
        for (Task task : explored.tasks()) {
            List<Trajectory> trials = explored.trajectories().get(task.id());
            Optional<Trajectory> expert = round.demonstrations().expertOf(task);
            if (expert.isPresent()) {
                perTask.add(pairing.pair(expert.get(), trials));
            } else {
                Optional<Trajectory> best = SelfPairing.bestSuccess(trials);
                if (best.isPresent()) {
                    selfPaired++;
                    perTask.add(pairing.pair(best.get(), SelfPairing.others(trials, best.get())));
                }
            }
        }
        ExpertPairing.Result paired = ExpertPairing.combine(perTask);
        List<PreferencePair> pairs = paired.pairs();
        context.writePairs(name, pairs);
        Map<String, Object> pairFigures = new LinkedHashMap<>();
        pairFigures.put("iteration", iteration);
        pairFigures.put("pairs", pairs.size());
        pairFigures.put("tasks", explored.tasks().size());
        pairFigures.put("selfPairedTasks", selfPaired);
        pairFigures.put("expertChosen", paired.expertChosen());
        pairFigures.put("agentChosen", paired.agentChosen());
        pairFigures.put("ties", paired.ties());
        pairFigures.put("duplicates", paired.duplicates());
        pairFigures.put("unusable", paired.unusable());
        pairFigures.put("truncated", paired.truncated());
        pairFigures.put("meanMargin", paired.meanMargin());
        context.metrics().record("eto-pairs", pairFigures);

        if (pairs.isEmpty()) {
            context.metrics().record("eto-dpo", Map.of("iteration", iteration, "examples", 0,
                    "skipped", "no pairs: every explored trajectory tied with the expert or was unusable"));
            return;
        }
        OptimizerConfig dpoConfig = dpoByIteration.get(iteration - 1);
        TrainingReport report;
        try (Optimizer dpo = context.create(dpoConfig)) {
            report = dpo.train(policy, TrainingBatch.ofPairs(pairs, context.seed(name + "/dpo"), name + "/dpo"));
        }
        Map<String, Object> dpoFigures = new LinkedHashMap<>();
        dpoFigures.put("iteration", iteration);
        new Schedule("method.schedule", config.schedule()).at(iteration).forEach((key, value) -> {
            if (value instanceof Number) {
                dpoFigures.put(key, value);
            }
        });
        dpoFigures.putAll(report.metrics());
        context.metrics().record("eto-dpo", dpoFigures);

        if (reference != null) {
            TrainablePolicy trained = (TrainablePolicy) policy;
            Map<String, Object> drift = new LinkedHashMap<>();
            drift.put("iteration", iteration);
            drift.putAll(PairDiagnostics.figures(PairDiagnostics.sequenceLogProbabilities(reference, pairs),
                    PairDiagnostics.sequenceLogProbabilities(trained, pairs)));
            context.metrics().record("eto-reference-drift", drift);
        }
    }
}
