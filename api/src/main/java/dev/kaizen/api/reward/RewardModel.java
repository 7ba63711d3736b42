package dev.kaizen.api.reward;

import dev.kaizen.api.trajectory.Trajectory;
import java.util.List;
import java.util.Map;

/**
 * Assigns rewards to trajectories: an outcome reward for the whole episode and a reward per step.
 * Learned models (a discriminator, an implicit DPO reward) are fitted with {@link #fit} first.
 *
 * <p>Used from one thread at a time; the creator closes it.
 */
public interface RewardModel extends AutoCloseable {

    /** Per-step rewards for each trajectory: {@code result.get(i).length == trajectories.get(i).length()}. */
    List<double[]> stepRewards(List<Trajectory> trajectories);

    /** The outcome reward of a trajectory; by default the environment's. */
    default double outcomeReward(Trajectory trajectory) {
        return trajectory.reward();
    }

    /** Whether {@link #fit} learns anything. */
    default boolean learns() {
        return false;
    }

    /** Fits the model to data; a no-op for fixed reward models. Returns training metrics. */
    default Map<String, Double> fit(RewardFitData data) {
        return Map.of();
    }

    @Override
    default void close() {
    }
}
