package dev.kaizen.api.env;

import dev.kaizen.api.trajectory.Trajectory;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An environment: a fixed set of tasks per split, and episodes that run them.
 *
 * <p>Implementations are thread-safe: episodes of the same environment may be created and stepped
 * concurrently. The creator closes the environment after all its episodes are closed.
 */
public interface Environment extends AutoCloseable {

    /** The tasks of a split, in a stable order (the same config always gives the same list). */
    List<Task> tasks(Split split);

    /**
     * Starts an episode of {@code task}. Environments with randomness draw it from {@code seed}.
     *
     * @throws IllegalArgumentException if the task is not one of this environment's
     */
    Episode reset(Task task, long seed);

    /**
     * An expert demonstration of {@code task}, if this environment has an expert. The trajectory's
     * source is {@code expert}. The expert may read ground truth the agent never sees.
     */
    default Optional<Trajectory> demonstration(Task task) {
        return Optional.empty();
    }

    /**
     * How many actions an episode may take before it ends unsolved, if the environment has such a
     * limit (shown to a person playing it); empty by default.
     */
    default OptionalInt stepLimit() {
        return OptionalInt.empty();
    }

    /** How to compare two of this environment's observations (used by experience memories). */
    default ObservationSimilarity observationSimilarity() {
        return ObservationSimilarity.textOverlap();
    }

    @Override
    default void close() {
    }
}
