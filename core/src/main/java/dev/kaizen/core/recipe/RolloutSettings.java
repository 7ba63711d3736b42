package dev.kaizen.core.recipe;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The recipe's {@code rollout} section: how the engine runs episodes. Results do not depend on
 * these numbers, only speed does.
 *
 * @param batchSize contexts per {@code decide} call, {@code >= 1} (default 256)
 * @param threads threads that step environments, {@code >= 1} (default 64: environments may be
 *     remote and wait on I/O)
 * @param maxSteps safety cap on steps per episode, {@code >= 1} (default 1000); an episode that
 *     reaches it fails
 */
@JsonPropertyOrder({"batchSize", "threads", "maxSteps"})
public record RolloutSettings(Integer batchSize, Integer threads, Integer maxSteps) {

    public RolloutSettings {
        batchSize = batchSize == null ? 256 : batchSize;
        threads = threads == null ? 64 : threads;
        maxSteps = maxSteps == null ? 1000 : maxSteps;
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (threads < 1 || threads > 4096) {
            throw new IllegalArgumentException("threads must be between 1 and 4096, got " + threads);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
        }
    }

    /** The defaults. */
    public static RolloutSettings defaults() {
        return new RolloutSettings(null, null, null);
    }
}
