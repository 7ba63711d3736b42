package dev.kaizen.api.optimizer;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.List;

/**
 * Data for one {@link Optimizer#train} call. Which parts an optimiser reads is its own: behaviour
 * cloning reads {@code trajectories} (their actions), DPO reads {@code pairs}, PPO reads
 * {@code trajectories} with per-step rewards in their steps (relabel them with a reward model first).
 *
 * @param trajectories trajectories to learn from
 * @param pairs preference pairs to learn from
 * @param seed the seed for shuffling, dropout and sampling during this call
 * @param label a short name for progress and metrics, e.g. {@code "iter-2/dpo"}
 */
public record TrainingBatch(List<Trajectory> trajectories, List<PreferencePair> pairs, long seed, String label) {

    public TrainingBatch {
        trajectories = List.copyOf(requireNonNull(trajectories, "trajectories is null"));
        pairs = List.copyOf(requireNonNull(pairs, "pairs is null"));
        requireNonNull(label, "label is null");
    }

    public static TrainingBatch ofTrajectories(List<Trajectory> trajectories, long seed, String label) {
        return new TrainingBatch(trajectories, List.of(), seed, label);
    }

    public static TrainingBatch ofPairs(List<PreferencePair> pairs, long seed, String label) {
        return new TrainingBatch(List.of(), pairs, seed, label);
    }
}
