package dev.kaizen.api.rollout;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.trajectory.TrajectorySource;
import java.util.List;

/**
 * A batch of episodes to run.
 *
 * @param environment where
 * @param tasks one episode per task (a task may repeat for several samples)
 * @param policy who acts
 * @param sampling how the policy picks; its seed also seeds the episodes
 * @param source recorded in the trajectories
 * @param label a short name for progress, e.g. {@code "eval/unseen"}
 */
public record RolloutRequest(Environment environment, List<Task> tasks, Policy policy, Sampling sampling,
                             TrajectorySource source, String label) {

    public RolloutRequest {
        requireNonNull(environment, "environment is null");
        tasks = List.copyOf(requireNonNull(tasks, "tasks is null"));
        requireNonNull(policy, "policy is null");
        requireNonNull(sampling, "sampling is null");
        requireNonNull(source, "source is null");
        requireNonNull(label, "label is null");
    }

    public RolloutRequest(Environment environment, List<Task> tasks, Policy policy, Sampling sampling, String label) {
        this(environment, tasks, policy, sampling, TrajectorySource.AGENT, label);
    }
}
