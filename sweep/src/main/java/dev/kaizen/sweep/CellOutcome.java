package dev.kaizen.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What running a cell gave, sent back from the executor to the driver.
 *
 * @param id the cell's id
 * @param state {@code completed} or {@code failed}
 * @param exitCode what {@code kaizen run} returned (0 done, 1 the run failed, 2 bad input)
 * @param reason why it failed, else null
 * @param skipped whether it had completed before and was not run again
 * @param seconds the run's wall time over all its processes
 * @param evaluations the run's evaluations of its last stage, as {@code summary.json} has them
 */
public record CellOutcome(String id, String state, int exitCode, String reason, boolean skipped, double seconds,
                          List<Map<String, Object>> evaluations) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Completed. */
    public static final String COMPLETED = "completed";
    /** Failed; see the reason. */
    public static final String FAILED = "failed";

    public CellOutcome {
        evaluations = evaluations == null ? List.of() : List.copyOf(evaluations);
    }
}
