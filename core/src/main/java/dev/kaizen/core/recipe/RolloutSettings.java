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
 * @param mode how deciding and stepping are scheduled (default {@link RolloutMode#LOCKSTEP})
 * @param gatherMillis pipelined mode only: how long the engine may wait, once a context is waiting,
 *     for more contexts to fill a batch before it calls {@code decide}, 0 to 60000 (default 0:
 *     decide at once for whatever is waiting); it never waits when every running episode is waiting
 */
@JsonPropertyOrder({"mode", "batchSize", "threads", "maxSteps", "gatherMillis"})
public record RolloutSettings(Integer batchSize, Integer threads, Integer maxSteps, RolloutMode mode,
                              Integer gatherMillis) {

    /** The most {@code gatherMillis} allows. */
    public static final int MAX_GATHER_MILLIS = 60_000;

    public RolloutSettings {
        batchSize = batchSize == null ? 256 : batchSize;
        threads = threads == null ? 64 : threads;
        maxSteps = maxSteps == null ? 1000 : maxSteps;
        mode = mode == null ? RolloutMode.LOCKSTEP : mode;
        gatherMillis = gatherMillis == null ? 0 : gatherMillis;
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (threads < 1 || threads > 4096) {
            throw new IllegalArgumentException("threads must be between 1 and 4096, got " + threads);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
        }
        if (gatherMillis < 0 || gatherMillis > MAX_GATHER_MILLIS) {
            throw new IllegalArgumentException("gatherMillis must be between 0 and " + MAX_GATHER_MILLIS
                    + ", got " + gatherMillis);
        }
        if (gatherMillis > 0 && mode != RolloutMode.PIPELINED) {
            throw new IllegalArgumentException("gatherMillis applies to mode pipelined only, got gatherMillis "
                    + gatherMillis + " with mode " + mode + "; set mode: pipelined or drop gatherMillis");
        }
    }

    /** Lockstep settings. */
    public RolloutSettings(Integer batchSize, Integer threads, Integer maxSteps) {
        this(batchSize, threads, maxSteps, null, null);
    }

    /** The defaults. */
    public static RolloutSettings defaults() {
        return new RolloutSettings(null, null, null, null, null);
    }

    /** These settings in another mode. */
    public RolloutSettings withMode(RolloutMode newMode) {
        return new RolloutSettings(batchSize, threads, maxSteps, newMode, newMode == RolloutMode.PIPELINED
                ? gatherMillis : null);
    }
}
