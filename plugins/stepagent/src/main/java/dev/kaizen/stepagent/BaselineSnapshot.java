package dev.kaizen.stepagent;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.Checkpointable;
import dev.kaizen.api.policy.TrainablePolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A frozen copy of the baseline policy, persisted with every stage, so that each iteration can
 * start its reflection from the baseline again. Closes the copy it holds when replaced or closed.
 * Not thread-safe.
 */
final class BaselineSnapshot implements Checkpointable, AutoCloseable {

    private TrainablePolicy copy;

    /** @param initial a frozen copy to hold until {@link #take} or {@link #load} replaces it */
    BaselineSnapshot(TrainablePolicy initial) {
        this.copy = requireNonNull(initial, "initial is null");
    }

    /** Holds a frozen copy of {@code policy} as it is now. */
    void take(TrainablePolicy policy) {
        TrainablePolicy old = copy;
        copy = policy.frozenCopy();
        old.close();
    }

    /** Sets {@code policy}'s parameters to the held baseline, through a scratch directory under {@code scratch}. */
    void restoreInto(TrainablePolicy policy, Path scratch) throws IOException {
        Files.createDirectories(scratch);
        Path folder = Files.createTempDirectory(scratch, "baseline-");
        try {
            copy.save(folder);
            policy.load(folder);
        } finally {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Override
    public void save(Path directory) throws IOException {
        copy.save(directory);
    }

    @Override
    public void load(Path directory) throws IOException {
        copy.load(directory);
    }

    @Override
    public void close() {
        copy.close();
    }
}
