package dev.kaizen.core.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of a run's evaluations are compared: those of the stage it kept (the best on its validation
 * tasks, {@code summary.json}'s {@code kept}; the default), of its last stage (the stage of its last
 * evaluation; also the default for a run that names no kept stage), of a named stage, or all.
 *
 * @param stage the named stage, {@value #LAST_NAME} for the last, or null for the kept one
 * @param all whether every stage is compared
 */
public record StageSelection(String stage, boolean all) {

    /** The stage name the kept stages of runs are compared under. */
    public static final String KEPT_NAME = "kept";
    /** The name that selects each run's last stage. */
    public static final String LAST_NAME = "last";
    /** The stage each run kept. */
    public static final StageSelection KEPT = new StageSelection(null, false);
    /** The last stage of each run. */
    public static final StageSelection LAST = new StageSelection(LAST_NAME, false);
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

    /**
     * The evaluations of {@code run} that are compared. A run's kept stage may differ from seed to
     * seed (one keeps {@code iter-2}, another {@code final}), so its evaluations are compared under the
     * stage name {@value #KEPT_NAME}, and pair with the baseline's kept stage.
     */
    public List<SeedEvaluation> pick(RunRecord run) {
        boolean kept = !all && stage == null && run.kept() != null;
        String wanted = all ? null : kept ? run.kept() : LAST_NAME.equals(stage) || stage == null ? run.lastStage()
                : stage;
        List<SeedEvaluation> picked = new ArrayList<>();
        for (SeedEvaluation evaluation : run.evaluations()) {
            if (all || evaluation.key().stage().equals(wanted)) {
                picked.add(kept ? evaluation.withStage(KEPT_NAME) : evaluation);
            }
        }
        return picked;
    }

    /** {@code kept}, {@code last}, {@code all} or the stage's name. */
    @Override
    public String toString() {
        return all ? "all" : stage != null ? stage : "kept";
    }
}
