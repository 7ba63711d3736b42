package dev.kaizen.api.testing;

import dev.kaizen.api.env.EnvironmentConfig;
import java.util.List;

/**
 * Config of the {@code test} environment.
 *
 * @param train number of training tasks (targets 1..5)
 * @param seen number of seen tasks (targets 1..5)
 * @param unseen number of unseen tasks (targets 6..9)
 * @param maxSteps steps before an episode is cut off with reward 0
 * @param snapshots whether episodes support snapshot/restore
 * @param faultyTasks ids of tasks whose episodes throw on their first step (fault-isolation tests)
 * @param stepDelayMillis sleep per step, to make runs slow enough to interrupt
 */
public record CounterEnvironmentConfig(Integer train, Integer seen, Integer unseen, Integer maxSteps,
                                       Boolean snapshots, List<String> faultyTasks, Integer stepDelayMillis)
        implements EnvironmentConfig {

    public CounterEnvironmentConfig {
        train = train == null ? 20 : train;
        seen = seen == null ? 10 : seen;
        unseen = unseen == null ? 10 : unseen;
        maxSteps = maxSteps == null ? 12 : maxSteps;
        snapshots = snapshots == null ? Boolean.TRUE : snapshots;
        faultyTasks = faultyTasks == null ? List.of() : List.copyOf(faultyTasks);
        stepDelayMillis = stepDelayMillis == null ? 0 : stepDelayMillis;
        if (train < 0 || seen < 0 || unseen < 0) {
            throw new IllegalArgumentException("task counts must be >= 0");
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
        }
    }

    /** The defaults. */
    public CounterEnvironmentConfig() {
        this(null, null, null, null, null, null, null);
    }
}
