package dev.kaizen.core.run;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.kaizen.api.OrderedMaps;
import dev.kaizen.api.trajectory.ErrorCounts;
import java.util.Map;

/**
 * What {@code checkpoints/STAGE/stage.json} holds: the stage, its position in the run, how long it
 * took, how many episodes it ran and how many errored, and the sizes of the run's appended files
 * when it completed (a resumed run cuts the files back to these sizes).
 *
 * @param stage the stage name
 * @param index its position among the run's stages, from 0
 * @param seconds how long its body and checkpoint took
 * @param episodes the episodes it ran (rollouts, searches, evaluations); 0 in records that predate the count
 * @param errors those that errored, by cause
 * @param files sizes in bytes of the appended files, by path relative to the run directory
 */
@JsonPropertyOrder({"stage", "index", "seconds", "episodes", "errors", "files"})
public record StageRecord(String stage, int index, double seconds, int episodes, ErrorCounts errors,
                          Map<String, Long> files) {

    public StageRecord {
        requireNonNull(stage, "stage is null");
        errors = errors == null ? ErrorCounts.NONE : errors;
        files = OrderedMaps.copy(files, "files");
    }

    /** The stage as {@code summary.json} lists it. */
    StageSummary summary() {
        return new StageSummary(stage, seconds, episodes, errors);
    }
}
