package dev.kaizen.eto;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.method.MethodContext;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
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
 *   <li>sample training tasks of the exploration pool ({@link ExplorationPool}) with the current
 *       policy through the explorer;
 *   <li>keep the sampled trajectories whose reward reaches {@code minReward} ({@link #kept}): one per
 *       distinct action sequence, none that repeats the task's demonstration;
 *   <li>behaviour cloning on the kept trajectories together with the demonstrations (as the ETO
 *       paper's RFT augments the expert data with the agent's successes) — or on the kept ones alone
 *       with {@code includeDemonstrations: false} — continuing from the current policy;
 *   <li>evaluate.
 * </ol>
 * The loop is {@link ExplorationRounds}'. Files of round {@code N}:
 * {@code trajectories/iter-N-explore.jsonl} and {@code trajectories/iter-N-kept.jsonl}. Used once,
 * from one thread.
 */
final class RftMethod extends ExplorationRounds {

    private final RftConfig config;
    private final List<OptimizerConfig> optimizerByRound;

    /** Parts are resolved and the schedule checked by the factory before the method is built. */
    RftMethod(RftConfig config, Parts.Common parts, List<OptimizerConfig> optimizerByRound) {
        super("rft", config, parts);
        this.config = config;
        this.optimizerByRound = List.copyOf(optimizerByRound);
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

    @Override
    void round(Round round) {
        MethodContext context = round.context();
        Demonstrations demonstrations = round.demonstrations();
        int iteration = round.iteration();
        String name = round.name();
        Explored explored = explore(round);
        Map<String, Trajectory> expert = new LinkedHashMap<>();
        for (Trajectory demonstration : demonstrations.all()) {
            expert.put(demonstration.task().id(), demonstration);
        }
        List<Trajectory> kept = kept(explored.trajectories(), expert, config.minReward());
        context.writeTrajectories(name + "-kept", kept);
        Map<String, Object> exploreFigures = explored.figures(iteration);
        exploreFigures.put("kept", kept.size());
        context.metrics().record("rft-explore", exploreFigures);

        List<Trajectory> batch = new ArrayList<>();
        if (config.includeDemonstrations()) {
            batch.addAll(demonstrations.all());
        }
        batch.addAll(kept);
        if (batch.isEmpty()) {
            context.metrics().record("rft-train", Map.of("iteration", iteration, "examples", 0,
                    "skipped", "nothing to train on: no sampled trajectory reached method.minReward"));
            return;
        }
        TrainingReport report;
        try (Optimizer optimizer = context.create(optimizerByRound.get(iteration - 1))) {
            report = optimizer.train(round.policy(), TrainingBatch.ofTrajectories(batch, context.seed(name + "/train"),
                    name + "/train"));
        }
        Map<String, Object> trainFigures = new LinkedHashMap<>();
        trainFigures.put("iteration", iteration);
        trainFigures.put("trajectories", batch.size());
        trainFigures.put("kept", kept.size());
        trainFigures.putAll(report.metrics());
        context.metrics().record("rft-train", trainFigures);
    }
}
