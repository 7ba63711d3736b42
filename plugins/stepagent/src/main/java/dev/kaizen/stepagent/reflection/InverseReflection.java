package dev.kaizen.stepagent.reflection;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.method.MethodContext;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.TrainablePolicy;
import dev.kaizen.api.reward.RewardFitData;
import dev.kaizen.api.reward.RewardModel;
import dev.kaizen.api.reward.RewardModelConfig;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inverse-RL variant: fit a reward model (by default the {@code discriminator}, GAIL-style) on
 * the expert-vs-agent step pairs, roll the policy out on training tasks, replace every step's
 * reward with the model's step reward and optimise on the relabelled rollouts (PPO by default).
 *
 * <p>The environment's rewards never reach the optimiser: every step reward it sees is the
 * model's. The reward model and the optimisers are built from their configs for each call and
 * closed after it. The model is fitted with the policy and, as reference, a frozen copy taken at
 * the start of the call; with a {@code preference} optimiser the policy is first trained on the
 * pairs, so that a reward defined through the policy's change from its reference (the implicit
 * reward {@code β·log π/π_ref}) measures that training. All-zero step rewards are rejected, since
 * the optimiser could learn nothing from them. Rollouts of sample {@code k} use the seed
 * {@code STAGE/explore/k}, so several samples of one task differ.
 */
public final class InverseReflection implements Reflector {

    private final MethodContext context;
    private final RewardModelConfig reward;
    private final OptimizerConfig optimizer;
    private final OptimizerConfig preference;
    private final int tasks;
    private final int samples;
    private final double temperature;

    /**
     * @param context the method's context (environment, rollouts, files)
     * @param reward the reward model to fit
     * @param optimizer the optimiser that reads per-step rewards
     * @param preference an optimiser that first trains the policy on the pairs (e.g. step-level DPO,
     *     so that an implicit reward {@code β·log π/π_ref} has something to measure); null for none
     * @param tasks how many training tasks to roll out on, the first ones
     * @param samples episodes per task
     * @param temperature the rollouts' sampling temperature
     */
    public InverseReflection(MethodContext context, RewardModelConfig reward, OptimizerConfig optimizer,
                             OptimizerConfig preference, int tasks, int samples, double temperature) {
        this.context = requireNonNull(context, "context is null");
        this.reward = requireNonNull(reward, "reward is null");
        this.optimizer = requireNonNull(optimizer, "optimizer is null");
        this.preference = preference;
        if (tasks < 1 || samples < 1) {
            throw new IllegalArgumentException("tasks and samples must be >= 1: " + tasks + ", " + samples);
        }
        this.tasks = tasks;
        this.samples = samples;
        this.temperature = temperature;
    }

    @Override
    public Map<String, Object> reflect(String stage, Policy trained, List<PreferencePair> pairs,
                                       List<Trajectory> demonstrations) {
        if (!(trained instanceof TrainablePolicy policy)) {
            throw new IncompatiblePartsException("the inverse reflection needs a trainable policy (its reward model "
                    + "and PPO use the policy's log-probabilities), got " + trained.getClass().getSimpleName());
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("pairs", pairs.size());
        try (TrainablePolicy reference = policy.frozenCopy(); RewardModel model = context.create(reward)) {
            if (preference != null && !pairs.isEmpty()) {
                TrainingReport report;
                try (Optimizer trainer = context.create(preference)) {
                    report = trainer.train(policy, TrainingBatch.ofPairs(pairs, context.seed(stage + "/preference"),
                            stage + "/preference"));
                }
                report.metrics().forEach((name, value) -> figures.put("preference." + name, value));
            }
            Map<String, Double> fit = model.fit(new RewardFitData(pairs, policy, reference,
                    context.seed(stage + "/reward")));
            fit.forEach((name, value) -> figures.put("reward." + name, value));

            List<Trajectory> rollouts = explore(stage, policy);
            context.writeTrajectories(stage + "-explore", rollouts);
            figures.put("rollouts", rollouts.size());
            figures.put("rolloutSuccessRate", rollouts.stream().filter(Trajectory::success).count()
                    / (double) rollouts.size());
            figures.put("rolloutMeanReward", rollouts.stream().mapToDouble(Trajectory::reward).average().orElse(0));

            List<Trajectory> acted = rollouts.stream().filter(t -> t.length() > 0).toList();
            List<Trajectory> relabelled = relabel(model, acted);
            if (!relabelled.isEmpty() && relabelled.stream().flatMap(t -> t.steps().stream())
                    .allMatch(step -> step.reward() == 0.0)) {
                throw new IllegalStateException("the reward model gave every step of " + relabelled.size()
                        + " rollouts reward 0, so the optimizer would learn nothing from them; a reward defined "
                        + "through the policy's change from its reference (implicit) needs the policy trained on "
                        + "the pairs first: set method.preference (e.g. {type: dpo})");
            }
            context.writeTrajectories(stage + "-relabelled", relabelled);
            figures.put("agentStepReward", meanStepReward(relabelled));
            List<Trajectory> demonstrated = demonstrations.stream().filter(t -> t.length() > 0).toList();
            figures.put("expertStepReward", meanStepReward(relabel(model, demonstrated)));

            if (relabelled.isEmpty()) {
                figures.put("trained", 0);
                return figures;
            }
            TrainingReport report;
            try (Optimizer trainer = context.create(optimizer)) {
                report = trainer.train(policy, TrainingBatch.ofTrajectories(relabelled,
                        context.seed(stage + "/optimize"), stage + "/optimize"));
            }
            figures.put("trained", 1);
            report.metrics().forEach((name, value) -> figures.put("optimizer." + name, value));
        }
        return figures;
    }

    private List<Trajectory> explore(String stage, TrainablePolicy policy) {
        List<Task> train = context.environment().tasks(Split.TRAIN);
        List<Task> chosen = train.subList(0, Math.min(tasks, train.size()));
        if (chosen.isEmpty()) {
            throw new IllegalStateException("the environment has no training tasks to explore on");
        }
        List<Trajectory> all = new ArrayList<>(chosen.size() * samples);
        for (int k = 0; k < samples; k++) {
            Sampling sampling = new Sampling(1, temperature, context.seed(stage + "/explore/" + k));
            all.addAll(context.rollouts().run(new RolloutRequest(context.environment(), chosen, policy, sampling,
                    TrajectorySource.AGENT, stage + "/explore")));
        }
        return all;
    }

    /** The trajectories with every step's reward replaced by the model's. */
    static List<Trajectory> relabel(RewardModel model, List<Trajectory> trajectories) {
        if (trajectories.isEmpty()) {
            return List.of();
        }
        List<double[]> rewards = model.stepRewards(trajectories);
        if (rewards.size() != trajectories.size()) {
            throw new IllegalStateException("the reward model returned step rewards for " + rewards.size()
                    + " trajectories, expected " + trajectories.size());
        }
        List<Trajectory> relabelled = new ArrayList<>(trajectories.size());
        for (int i = 0; i < trajectories.size(); i++) {
            relabelled.add(trajectories.get(i).withStepRewards(rewards.get(i)));
        }
        return relabelled;
    }

    private static double meanStepReward(List<Trajectory> trajectories) {
        return trajectories.stream().flatMap(t -> t.steps().stream()).mapToDouble(s -> s.reward()).average()
                .orElse(0.0);
    }
}
