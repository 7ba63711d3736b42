package dev.kaizen.api.export;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run directory holds, read by the host for a {@link DatasetFormat}.
 *
 * @param runDirectory the run directory
 * @param recipeName the recipe's name, e.g. for dataset names
 * @param trajectories every trajectory in {@code trajectories/*.jsonl}, file by file in name order
 * @param pairs every pair in {@code pairs/*.jsonl}, file by file in name order
 */
public record ExportSource(Path runDirectory, String recipeName, List<Trajectory> trajectories,
                           List<PreferencePair> pairs) {

    public ExportSource {
        requireNonNull(runDirectory, "runDirectory is null");
        requireNonNull(recipeName, "recipeName is null");
        trajectories = List.copyOf(requireNonNull(trajectories, "trajectories is null"));
        pairs = List.copyOf(requireNonNull(pairs, "pairs is null"));
    }
}
