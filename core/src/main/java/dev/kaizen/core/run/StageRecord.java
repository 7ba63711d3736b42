package dev.kaizen.core.run;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.OrderedMaps;
import java.util.Map;

/**
 * What {@code checkpoints/STAGE/stage.json} holds: the stage, its position in the run, how long it
 * took, and the sizes of the run's appended files when it completed (a resumed run cuts the files
 * back to these sizes).
 *
 * @param stage the stage name
 * @param index its position among the run's stages, from 0
 * @param seconds how long its body and checkpoint took
 * @param files sizes in bytes of the appended files, by path relative to the run directory
 */
public record StageRecord(String stage, int index, double seconds, Map<String, Long> files) {

    public StageRecord {
        requireNonNull(stage, "stage is null");
        files = OrderedMaps.copy(files, "files");
    }
}
