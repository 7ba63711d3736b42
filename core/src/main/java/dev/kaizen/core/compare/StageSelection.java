package dev.kaizen.core.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of a run's evaluations are compared: those of its last stage (the stage of its last
 * evaluation; the default), those of a named stage, or all.
 *
 * @param stage the named stage, or null
 * @param all whether every stage is compared
 */
public record StageSelection(String stage, boolean all) {

    /** The last stage of each run. */
    public static final StageSelection LAST = new StageSelection(null, false);
    /** Every stage. */
    public static final StageSelection ALL = new StageSelection(null, true);

    public StageSelection {
        if (stage != null && all) {
            throw new IllegalArgumentException("a named stage or all stages, not both");
        }
    }

    /** The stage called {@code stage}. */
    public static StageSelection named(String stage) {
        return new StageSelection(stage, false);
    }

    /** The evaluations of {@code run} that are compared. */
    public List<SeedEvaluation> pick(RunRecord run) {
        String wanted = all ? null : stage != null ? stage : run.lastStage();
        List<SeedEvaluation> picked = new ArrayList<>();
        for (SeedEvaluation evaluation : run.evaluations()) {
            if (all || evaluation.key().stage().equals(wanted)) {
                picked.add(evaluation);
            }
        }
        return picked;
    }

    /** {@code last}, {@code all} or the stage's name. */
    @Override
    public String toString() {
        return all ? "all" : stage != null ? stage : "last";
    }
}
