package dev.kaizen.api.rollout;

import dev.kaizen.api.trajectory.Trajectory;
import java.util.List;

/**
 * Runs many episodes in lockstep: one batched {@code decide} per step for all running episodes,
 * each episode isolated (an exception fails that episode, recorded in its trajectory, and the rest
 * go on). Thread-safe.
 */
public interface Rollouts {

    /** One trajectory per task, in the request's order. */
    List<Trajectory> run(RolloutRequest request);
}
