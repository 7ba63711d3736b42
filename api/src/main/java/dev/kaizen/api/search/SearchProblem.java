package dev.kaizen.api.search;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.Policy;
import java.util.List;

/**
 * What to search: the tasks, in which environment, with which policy and critic.
 *
 * @param environment creates the episodes (and fresh ones for replay where snapshots are missing)
 * @param tasks the tasks to search, each independently
 * @param policy proposes actions and rolls out
 * @param critic scores proposals (a critic that scores everything equally turns guidance off)
 * @param seed the seed for all randomness of this search
 * @param label a short name for progress and logs, e.g. {@code "iter-1/explore"}
 */
public record SearchProblem(Environment environment, List<Task> tasks, Policy policy, Critic critic,
                            long seed, String label) {

    public SearchProblem {
        requireNonNull(environment, "environment is null");
        tasks = List.copyOf(requireNonNull(tasks, "tasks is null"));
        requireNonNull(policy, "policy is null");
        requireNonNull(critic, "critic is null");
        requireNonNull(label, "label is null");
    }
}
