package dev.kaizen.core.compare;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A completed run as compare sees it.
 *
 * @param path its directory, as reached from the command's arguments
 * @param group the group it is pooled in: its sweep cell's group, else its recipe's name
 * @param seed the recipe's seed
 * @param evaluations its evaluations, in the order {@code summary.json} lists them
 * @param kept the stage the run kept ({@code summary.json}'s {@code kept}), or null if it names none
 * @param provenance its first process's record from {@code run.json}, flattened (see {@link Provenance});
 *     empty without {@code run.json}
 */
public record RunRecord(Path path, String group, long seed, List<SeedEvaluation> evaluations,
                        String kept, Map<String, String> provenance) {

    public RunRecord {
        requireNonNull(path, "path is null");
        requireNonNull(group, "group is null");
        evaluations = List.copyOf(evaluations);
        provenance = Map.copyOf(provenance);
    }

    /** The stage of the last evaluation, or null if there is none. */
    public String lastStage() {
        return evaluations.isEmpty() ? null : evaluations.get(evaluations.size() - 1).key().stage();
    }
}
