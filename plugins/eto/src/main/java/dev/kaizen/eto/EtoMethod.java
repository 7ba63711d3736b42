package dev.kaizen.eto;

import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.critic.CriticConfig;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.method.MethodContext;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.TrainablePolicy;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchAlgorithmConfig;
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
 * Stages: {@code baseline}, {@code iter-1} … {@code iter-(I−1)}, {@code final}. Files of iteration
 * {@code N}: {@code trajectories/iter-N-explore.jsonl}, {@code pairs/iter-N.jsonl}. Seeds of
 * iteration {@code N} come from the streams {@code iter-N/explore}, {@code iter-N/tasks} and
 * {@code iter-N/dpo}, whatever its stage is called. Used once, from one thread.
 */
final class EtoMethod implements TrainingMethod {

    private final EtoConfig config;
    private final OptimizerConfig warmUp;
    private final SearchAlgorithmConfig explorerConfig;
    private final CriticConfig criticConfig;
    private final List<OptimizerConfig> dpoByIteration;

    /** Parts are resolved and the schedule checked by the factory before the method is built. */
    EtoMethod(EtoConfig config, OptimizerConfig warmUp, SearchAlgorithmConfig explorerConfig, CriticConfig criticConfig,
              List<OptimizerConfig> dpoByIteration) {
        this.config = config;
        this.warmUp = warmUp;
        this.explorerConfig = explorerConfig;
        this.criticConfig = criticConfig;
        this.dpoByIteration = List.copyOf(dpoByIteration);
    }

    /** The stage name of iteration {@code iteration} of {@code iterations}. */
    static String stageName(int iteration, int iterations) {
        return iteration == iterations ? "final" : "iter-" + iteration;
    }

    @Override
    public void run(MethodContext context) throws Exception {
        Policy policy = context.policy();
        Demonstrations demonstrations = new Demonstrations(context.environment(), context.capped(
                "method.demonstrations", config.demonstrations(), context.environment().tasks(Split.TRAIN).size(),
                "training tasks"), "eto");
        SearchAlgorithm explorer = context.create(explorerConfig);
        context.stage("baseline", () -> {
            WarmStart.run(context, policy, warmUp, config.checkpoint(), demonstrations, "eto");
            context.evaluate("baseline", policy);
        });
        try (Critic critic = context.create(criticConfig)) {
            for (int i = 1; i <= config.iterations(); i++) {
                int iteration = i;
                String stage = stageName(i, config.iterations());
                context.stage(stage, () -> {
                    runIteration(context, policy, explorer, critic, demonstrations, iteration);
                    context.evaluate(stage, policy);
                });
            }
        }
    }

    private void runIteration(MethodContext context, Policy policy, SearchAlgorithm explorer, Critic critic,
                              Demonstrations demonstrations, int iteration) {
        String name = "iter-" + iteration;
        TrainablePolicy reference = config.diagnostics() && policy instanceof TrainablePolicy trainable
                ? trainable.frozenCopy() : null;
        try {
            iterate(context, policy, explorer, critic, demonstrations, iteration, name, reference);
        } finally {
            if (reference != null) {
                reference.close();
            }
        }
    }

    private void iterate(MethodContext context, Policy policy, SearchAlgorithm explorer, Critic critic,
                         Demonstrations demonstrations, int iteration, String name, TrainablePolicy reference) {
        List<Task> tasks = config.pool().tasks(context.environment(), demonstrations, config.explorationTasks(),
                context.random(name + "/tasks"));
        Map<String, List<Trajectory>> explored = Exploration.run(explorer, context.environment(), tasks, policy,
                critic, context.seed(name + "/explore"), name + "/explore");
        context.writeTrajectories(name + "-explore", Exploration.flatten(explored));
        Map<String, Object> exploreFigures = new LinkedHashMap<>();
        exploreFigures.put("iteration", iteration);
        exploreFigures.putAll(Exploration.figures(explored));
        context.metrics().record("eto-explore", exploreFigures);

        ExpertPairing pairing = new ExpertPairing(config.truncationSlack());
        List<ExpertPairing.Result> perTask = new ArrayList<>();
        int selfPaired = 0;
        for (Task task : tasks) {
            List<Trajectory> trials = explored.get(task.id());
            Optional<Trajectory> expert = demonstrations.expertOf(task);
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
        pairFigures.put("tasks", tasks.size());
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
