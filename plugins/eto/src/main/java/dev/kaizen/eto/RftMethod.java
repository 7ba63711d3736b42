package dev.kaizen.eto;

import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.critic.CriticConfig;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.method.MethodContext;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchAlgorithmConfig;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rejection-sampling fine-tuning, the baseline of the ETO paper: behaviour cloning on expert
 * demonstrations (or a checkpoint), then {@code iterations} rounds of
 * <ol>
 *   <li>sample the demonstrated training tasks with the current policy through the explorer;
 *   <li>keep the sampled trajectories whose reward reaches {@code minReward} ({@link #kept}): one per
 *       distinct action sequence, none that repeats the task's demonstration;
 *   <li>behaviour cloning on the kept trajectories together with the demonstrations (as the ETO
 *       paper's RFT augments the expert data with the agent's successes) — or on the kept ones alone
 *       with {@code includeDemonstrations: false} — continuing from the current policy;
 *   <li>evaluate.
 * </ol>
 * Stages: {@code baseline}, {@code iter-1} … {@code final}. Files of round {@code N}:
 * {@code trajectories/iter-N-explore.jsonl} and {@code trajectories/iter-N-kept.jsonl}. Used once,
 * from one thread.
 */
final class RftMethod implements TrainingMethod {

    private final RftConfig config;
    private final OptimizerConfig warmUp;
    private final SearchAlgorithmConfig explorerConfig;
    private final CriticConfig criticConfig;
    private final List<OptimizerConfig> optimizerByRound;

    RftMethod(RftConfig config, OptimizerConfig warmUp, SearchAlgorithmConfig explorerConfig, CriticConfig criticConfig,
              List<OptimizerConfig> optimizerByRound) {
        this.config = config;
        this.warmUp = warmUp;
        this.explorerConfig = explorerConfig;
        this.criticConfig = criticConfig;
        this.optimizerByRound = List.copyOf(optimizerByRound);
    }

    @Override
    public void run(MethodContext context) throws Exception {
        Policy policy = context.policy();
        Demonstrations demonstrations = new Demonstrations(context.environment(), context.capped(
                "method.demonstrations", config.demonstrations(), context.environment().tasks(Split.TRAIN).size(),
                "training tasks"), "rft");
        SearchAlgorithm explorer = context.create(explorerConfig);
        context.stage("baseline", () -> {
            WarmStart.run(context, policy, warmUp, config.checkpoint(), demonstrations, "rft");
            context.evaluate("baseline", policy);
        });
        try (Critic critic = context.create(criticConfig)) {
            for (int i = 1; i <= config.iterations(); i++) {
                int round = i;
                String stage = EtoMethod.stageName(i, config.iterations());
                context.stage(stage, () -> {
                    iterate(context, policy, explorer, critic, demonstrations, round);
                    context.evaluate(stage, policy);
                });
            }
        }
    }

    /**
     * The trajectories a round keeps: reward at least {@code minReward}, ended normally, not a repeat
     * of an action sequence already kept for the task or of the task's demonstration. Task order.
     */
    static List<Trajectory> kept(Map<String, List<Trajectory>> explored, Map<String, Trajectory> demonstrations,
                                 double minReward) {
        List<Trajectory> kept = new ArrayList<>();
        for (Map.Entry<String, List<Trajectory>> entry : explored.entrySet()) {
            Set<List<Action>> sequences = new HashSet<>();
            Trajectory demonstration = demonstrations.get(entry.getKey());
            if (demonstration != null) {
                sequences.add(actions(demonstration));
            }
            for (Trajectory t : entry.getValue()) {
                if (t.error() == null && !t.steps().isEmpty() && t.reward() >= minReward - 1e-6
                        && sequences.add(actions(t))) {
                    kept.add(t);
                }
            }
        }
        return kept;
    }

    private static List<Action> actions(Trajectory trajectory) {
        return trajectory.steps().stream().map(Step::action).toList();
    }

    private void iterate(MethodContext context, Policy policy, SearchAlgorithm explorer, Critic critic,
                         Demonstrations demonstrations, int round) {
        String name = "iter-" + round;
        List<Task> tasks = config.pool().tasks(context.environment(), demonstrations, config.explorationTasks(),
                context.random(name + "/tasks"));
        Map<String, List<Trajectory>> explored = Exploration.run(explorer, context.environment(), tasks, policy,
                critic, context.seed(name + "/explore"), name + "/explore");
        context.writeTrajectories(name + "-explore", Exploration.flatten(explored));
        Map<String, Trajectory> expert = new LinkedHashMap<>();
        for (Trajectory demonstration : demonstrations.all()) {
            expert.put(demonstration.task().id(), demonstration);
        }
        List<Trajectory> kept = kept(explored, expert, config.minReward());
        context.writeTrajectories(name + "-kept", kept);
        Map<String, Object> exploreFigures = new LinkedHashMap<>();
        exploreFigures.put("iteration", round);
        exploreFigures.putAll(Exploration.figures(explored));
        exploreFigures.put("kept", kept.size());
        context.metrics().record("rft-explore", exploreFigures);

        List<Trajectory> batch = new ArrayList<>();
        if (config.includeDemonstrations()) {
            batch.addAll(demonstrations.all());
        }
        batch.addAll(kept);
        if (batch.isEmpty()) {
            context.metrics().record("rft-train", Map.of("iteration", round, "examples", 0,
                    "skipped", "nothing to train on: no sampled trajectory reached method.minReward"));
            return;
        }
        TrainingReport report;
        try (Optimizer optimizer = context.create(optimizerByRound.get(round - 1))) {
            report = optimizer.train(policy, TrainingBatch.ofTrajectories(batch, context.seed(name + "/train"),
                    name + "/train"));
        }
        Map<String, Object> trainFigures = new LinkedHashMap<>();
        trainFigures.put("iteration", round);
        trainFigures.put("trajectories", batch.size());
        trainFigures.put("kept", kept.size());
        trainFigures.putAll(report.metrics());
        context.metrics().record("rft-train", trainFigures);
    }
}
