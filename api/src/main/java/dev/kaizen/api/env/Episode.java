package dev.kaizen.api.env;

/**
 * One run of one task. Created by {@link Environment#reset(Task, long)}; the caller closes it.
 *
 * <p>{@link #step(Action)} never throws for a bad action: it returns an observation with feedback
 * and reward 0. After the episode is done every further step returns a done observation with
 * feedback and reward 0. Not thread-safe: one thread drives one episode at a time (different
 * episodes may be stepped from different threads).
 *
 * <h2>Branching</h2>
 * Episodes that report {@link #supportsSnapshot()} can {@link #snapshot()} their state and
 * {@link #restore(EpisodeSnapshot)} it later, deterministically: the same actions after a restore
 * give the same observations. Tree search relies on this; for episodes without snapshots it
 * replays the action prefix in a fresh episode instead.
 */
public interface Episode extends AutoCloseable {

    /** The task being run. */
    Task task();

    /** The current observation (the reset observation before the first step). */
    Observation observation();

    /** Executes one action and returns the resulting observation. */
    Observation step(Action action);

    /** Whether {@link #snapshot()} and {@link #restore(EpisodeSnapshot)} are supported. */
    default boolean supportsSnapshot() {
        return false;
    }

    /**
     * Captures the current state.
     *
     * @throws UnsupportedOperationException if {@link #supportsSnapshot()} is false
     */
    default EpisodeSnapshot snapshot() {
        throw new UnsupportedOperationException(getClass().getName() + " does not support snapshots");
    }

    /**
     * Returns to a state captured by {@link #snapshot()} of this episode.
     *
     * @throws UnsupportedOperationException if {@link #supportsSnapshot()} is false
     * @throws IllegalArgumentException if the snapshot is from another episode or environment
     */
    default void restore(EpisodeSnapshot snapshot) {
        throw new UnsupportedOperationException(getClass().getName() + " does not support snapshots");
    }

    /** Releases resources (e.g. a remote session). Idempotent. */
    @Override
    default void close() {
    }
}
