package dev.kaizen.api.search;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.List;

/**
 * The outcome of searching one task.
 *
 * @param task the task
 * @param trajectory the trajectory the search commits to: the path actually executed (MCTS at
 *     inference) or the first rollout (sampling); this is what an evaluation scores
 * @param explored every complete trajectory the search ran, including {@code trajectory}
 * @param nodes statistics of the expanded tree nodes; empty for searches without a tree
 */
public record SearchResult(Task task, Trajectory trajectory, List<Trajectory> explored,
                           List<NodeStatistics> nodes) {

    public SearchResult {
        requireNonNull(task, "task is null");
        requireNonNull(trajectory, "trajectory is null");
        explored = List.copyOf(requireNonNull(explored, "explored is null"));
        nodes = List.copyOf(requireNonNull(nodes, "nodes is null"));
    }
}
