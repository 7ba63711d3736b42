package dev.kaizen.api;

import java.io.IOException;
import java.nio.file.Path;

/**
 * State that can be written to and read back from a directory, exactly: after {@code save} then
 * {@code load} the object behaves identically (same scores, same log-probabilities).
 *
 * <p>The caller provides an empty directory for {@link #save} and makes the write atomic (it saves
 * into a temporary directory and renames it). Not thread-safe against concurrent use of the object.
 */
public interface Checkpointable {

    /** Writes the state into {@code directory}, which exists and is empty. */
    void save(Path directory) throws IOException;

    /** Replaces the state with the one saved in {@code directory}. */
    void load(Path directory) throws IOException;
}
