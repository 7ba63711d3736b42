package dev.kaizen.core.testing;

import dev.kaizen.api.method.TrainingMethodConfig;

/**
 * Config of the test method {@code decorated-rollouts-test}.
 *
 * @param tasks training tasks each request rolls out
 */
public record DecoratedRolloutsMethodConfig(Integer tasks) implements TrainingMethodConfig {

    public DecoratedRolloutsMethodConfig {
        tasks = tasks == null ? 10 : tasks;
    }
}
