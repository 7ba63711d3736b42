package dev.kaizen.eto;

import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.method.MethodContext;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.reward.RewardModel;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Group-relative policy optimisation (GRPO; GiGPO with step groups): behaviour cloning on expert
 * demonstrations (or a checkpoint), then {@code iterations} rounds of
 * <ol>
 *   <li>sample a group of G trajectories for each of the round's training tasks with the current
 *       policy (the explorer's samples per task);
 *   <li>score them (the environment's reward, or the reward model's) and give each step its
 *       advantage relative to the group ({@link GroupAdvantages}): the episode's, plus with step
 *       groups the step's within its anchor group of steps taken from the same state;
 *   <li>update the policy with the {@code update} optimiser on the trajectories whose step rewards
 *       are now those advantages (trajectories whose every advantage is 0 carry no gradient and are
 *       left out; errored ones too);
 *   <li>evaluate.
 * </ol>
 * No value network and no critic. The loop is {@link ExplorationRounds}' (ETO's and RFT's): the same
 * warm start and the same exploration of training tasks, which is why the method lives beside them.
 * Files of round {@code N}: {@code trajectories/iter-N-explore.jsonl}; its update draws from the
 * seed stream {@code iter-N/update}. Used once, from one thread.
 */
final class GrpoMethod extends ExplorationRounds {

    private final GrpoConfig config;
    private final OptimizerConfig update;

    /** Parts are resolved by the factory before the method is built. */
    GrpoMethod(GrpoConfig config, Parts.Common parts, OptimizerConfig update) {
        super("grpo", config, parts);
        this.config = config;
        this.update = update;
    }

    @Override
    void round(Round round) {
        MethodContext context = round.context();
        int iteration = round.iteration();
        String name = round.name();
        Explored explored = explore(round);
        context.metrics().record("grpo-explore", explored.figures(iteration));

        GroupFigures figures = new GroupFigures();
        List<Trajectory> batch = new ArrayList<>();
        try (RewardModel reward = config.reward() == null ? null : context.create(config.reward())) {
            for (Task task : explored.tasks()) {
                List<Trajectory> group = explored.trajectories().get(task.id()).stream()
                        .filter(t -> t.error() == null && t.length() > 0).toList();
                GroupAdvantages.Result result = GroupAdvantages.of(scores(group, reward), stepRewards(group, reward),
                        states(group, context), config.advantages());
                figures.add(result);
                for (int i = 0; i < group.size(); i++) {
                    double[] advantages = result.advantages().get(i);
                    if (Arrays.stream(advantages).anyMatch(a -> a != 0)) {
                        batch.add(group.get(i).withStepRewards(advantages));
                    }
                }
            }
        }
        Map<String, Object> trainFigures = new LinkedHashMap<>();
        trainFigures.put("iteration", iteration);
        trainFigures.putAll(figures.toMap());
        trainFigures.put("trajectories", batch.size());
        if (batch.isEmpty()) {
            trainFigures.put("skipped", "every group was degenerate: all its trajectories scored the same");
            context.metrics().record("grpo-update", trainFigures);
            return;
        }
        TrainingReport report;
        try (Optimizer optimizer = context.create(update)) {
            report = optimizer.train(round.policy(), TrainingBatch.ofTrajectories(batch, context.seed(name + "/update"),
                    name + "/update"));
        }
        trainFigures.putAll(report.metrics());
        context.metrics().record("grpo-update", trainFigures);
    }

    private static double[] scores(List<Trajectory> group, RewardModel reward) {
        double[] scores = new double[group.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = reward == null ? group.get(i).reward() : reward.outcomeReward(group.get(i));
        }
        return scores;
    }

    private static List<double[]> stepRewards(List<Trajectory> group, RewardModel reward) {
        if (reward != null) {
            return group.isEmpty() ? List.of() : reward.stepRewards(group);
        }
        List<double[]> rewards = new ArrayList<>();
        for (Trajectory trajectory : group) {
            rewards.add(trajectory.steps().stream().mapToDouble(Step::reward).toArray());
        }
        return rewards;
    }

    /**
     * Each step's state: the observation's text and its actions, or with {@code anchorSimilarity}
     * its anchor among the group's similar observations.
     */
    private List<List<?>> states(List<Trajectory> group, MethodContext context) {
        List<List<Observation>> observations = group.stream()
                .map(trajectory -> trajectory.steps().stream().map(Step::observation).toList()).toList();
        if (config.anchorSimilarity() != null) {
            return AnchorStates.bySimilarity(observations, context.environment().observationSimilarity(),
                    config.anchorSimilarity());
        }
        return AnchorStates.byIdentity(observations);
    }

    /** Counts over a round's groups, for the {@code grpo-update} metrics event. */
    private static final class GroupFigures {
        private int groups;
        private int degenerate;
        private int anchorGroups;
        private long anchorSteps;
        private long steps;

        void add(GroupAdvantages.Result result) {
            groups++;
            degenerate += result.degenerate() ? 1 : 0;
            anchorGroups += result.anchorSizes().size();
            anchorSteps += result.anchorSizes().stream().mapToLong(Integer::longValue).sum();
            steps += result.advantages().stream().mapToLong(a -> a.length).sum();
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("groups", groups);
            map.put("degenerateGroups", degenerate);
            map.put("anchorGroups", anchorGroups);
            map.put("meanAnchorSize", anchorGroups == 0 ? 0.0 : anchorSteps / (double) anchorGroups);
            map.put("anchorStepShare", steps == 0 ? 0.0 : anchorSteps / (double) steps);
            return map;
        }
    }
}
