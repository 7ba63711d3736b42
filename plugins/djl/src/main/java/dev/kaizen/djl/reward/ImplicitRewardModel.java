package dev.kaizen.djl.reward;

import dev.kaizen.api.policy.TrainablePolicy;
import dev.kaizen.api.reward.RewardFitData;
import dev.kaizen.api.reward.RewardModel;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.djl.training.StepContexts;
import java.util.List;
import java.util.Map;

/**
 * The DPO implicit reward: step reward {@code β·(log π(a_t|h_t) − log π_ref(a_t|h_t))}, for any
 * {@link TrainablePolicy} (it only asks for log-probabilities). {@link #fit} learns nothing; it
 * takes the policy and reference from {@link RewardFitData} and keeps them (not owned: the caller
 * closes them), so the rewards follow the policy as it is trained. Not thread-safe.
 */
final class ImplicitRewardModel implements RewardModel {

    private final ImplicitConfig config;
    private TrainablePolicy policy;
    private TrainablePolicy reference;

    ImplicitRewardModel(ImplicitConfig config) {
        this.config = config;
    }

    /** True: {@link #fit} must be called (with a policy and a reference) before {@link #stepRewards}. */
    @Override
    public boolean learns() {
        return true;
    }

    @Override
    public Map<String, Double> fit(RewardFitData data) {
        if (data.policy() == null || data.reference() == null) {
            throw new IllegalArgumentException("the implicit reward β·log π/π_ref needs RewardFitData.policy and "
                    + "RewardFitData.reference; got policy " + (data.policy() == null ? "null" : "set")
                    + " and reference " + (data.reference() == null ? "null" : "set"));
        }
        policy = data.policy();
        reference = data.reference();
        return Map.of("beta", config.beta());
    }

    @Override
    public List<double[]> stepRewards(List<Trajectory> trajectories) {
        if (policy == null) {
            throw new IllegalStateException("the implicit reward has no policy yet: call fit with "
                    + "RewardFitData.policy and .reference first");
        }
        StepContexts steps = StepContexts.of(trajectories);
        double[] current = steps.isEmpty() ? new double[0] : policy.logProbabilities(steps.contexts(), steps.actions());
        double[] base = steps.isEmpty() ? new double[0] : reference.logProbabilities(steps.contexts(), steps.actions());
        List<double[]> out = StepContexts.perTrajectory(current, trajectories);
        List<double[]> baseByTrajectory = StepContexts.perTrajectory(base, trajectories);
        for (int i = 0; i < out.size(); i++) {
            double[] r = out.get(i);
            double[] b = baseByTrajectory.get(i);
            for (int t = 0; t < r.length; t++) {
                r[t] = config.beta() * (r[t] - b[t]);
            }
        }
        return out;
    }
}
