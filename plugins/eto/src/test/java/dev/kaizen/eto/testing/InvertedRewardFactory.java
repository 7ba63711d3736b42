package dev.kaizen.eto.testing;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.reward.RewardModel;
import dev.kaizen.api.reward.RewardModelFactory;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.List;

/**
 * Reward model {@code inverted} for tests: a trajectory's outcome is {@code 1 − } its environment
 * reward, paid on its last step (every other step 0). Counts models built and closed.
 */
public final class InvertedRewardFactory implements RewardModelFactory<InvertedRewardConfig> {

    public int created;
    public int closed;

    @Override
    public String name() {
        return "inverted";
    }

    @Override
    public Class<InvertedRewardConfig> configType() {
        return InvertedRewardConfig.class;
    }

    @Override
    public RewardModel create(InvertedRewardConfig config, ComponentContext context) {
        created++;
        return new RewardModel() {
            @Override
            public double outcomeReward(Trajectory trajectory) {
                return 1 - trajectory.reward();
            }

            @Override
            public List<double[]> stepRewards(List<Trajectory> trajectories) {
                return trajectories.stream().map(t -> {
                    double[] rewards = new double[t.length()];
                    rewards[rewards.length - 1] = outcomeReward(t);
                    return rewards;
                }).toList();
            }

            @Override
            public void close() {
                closed++;
            }
        };
    }
}
