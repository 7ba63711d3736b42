package dev.kaizen.core.testing;

import dev.kaizen.api.policy.PolicyConfig;
import java.util.List;

/**
 * Config of the test policy {@code first-action}.
 *
 * @param silentTasks ids of tasks for which it proposes nothing
 * @param failAfter decide calls after which it throws (a broken policy); null never
 * @param fill text put into the observation's first template when it lists no concrete action
 *     (e.g. {@code "look"} for free-text environments); null proposes nothing then
 * @param unreachableTasks ids of tasks for which it cannot decide (a model server that fails them)
 */
public record FirstActionPolicyConfig(List<String> silentTasks, Integer failAfter, String fill,
                                      List<String> unreachableTasks) implements PolicyConfig {

    public FirstActionPolicyConfig {
        silentTasks = silentTasks == null ? List.of() : List.copyOf(silentTasks);
        unreachableTasks = unreachableTasks == null ? List.of() : List.copyOf(unreachableTasks);
    }
}
