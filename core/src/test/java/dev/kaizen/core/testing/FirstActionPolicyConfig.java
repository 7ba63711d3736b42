package dev.kaizen.core.testing;

import dev.kaizen.api.policy.PolicyConfig;
import java.util.List;

/**
 * Config of the test policy {@code first-action}.
 *
 * @param silentTasks ids of tasks for which it proposes nothing
 * @param failAfter decide calls after which it throws (a broken policy); null never
 */
public record FirstActionPolicyConfig(List<String> silentTasks, Integer failAfter) implements PolicyConfig {

    public FirstActionPolicyConfig {
        silentTasks = silentTasks == null ? List.of() : List.copyOf(silentTasks);
    }
}
