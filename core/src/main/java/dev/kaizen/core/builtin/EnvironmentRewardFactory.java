package dev.kaizen.core.builtin;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.reward.RewardModel;
import dev.kaizen.api.reward.RewardModelFactory;
import dev.kaizen.api.trajectory.Step;
import org.pf4j.Extension;

/** Registers reward model {@code environment}: the environment's own step and episode rewards. */
@Extension
public final class EnvironmentRewardFactory implements RewardModelFactory<EnvironmentRewardConfig> {

    @Override
    public String name() {
        return "environment";
    }

    @Override
    public Class<EnvironmentRewardConfig> configType() {
        return EnvironmentRewardConfig.class;
    }

    @Override
    public RewardModel create(EnvironmentRewardConfig config, ComponentContext context) {
        return trajectories -> trajectories.stream()
                .map(t -> t.steps().stream().mapToDouble(Step::reward).toArray())
                .toList();
    }

    @Override
    public String description() {
        return "the environment's own rewards, per step and per episode";
    }
}
