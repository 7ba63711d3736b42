package dev.kaizen.core.run;

import dev.kaizen.api.method.EvaluationResult;
import dev.kaizen.core.evaluation.StageValidation;
import dev.kaizen.api.trajectory.ErrorCounts;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.List;
import java.util.Locale;

/**
 * Counts the episodes of the current stage that errored (see {@link dev.kaizen.api.trajectory.ErrorCause})
 * and fails the run once their share exceeds {@code evaluation.maxErrorShare}: after an evaluation
 * split, at the end of a stage, and during a stage (outside evaluations) once it has run
 * {@value #EARLY_CHECK_EPISODES} episodes. The same episodes give the same outcome whatever the batching. Thread-safe.
 */
final class ErrorBudget {

    /** Episodes a stage must have run before its share is checked mid-stage. */
    static final int EARLY_CHECK_EPISODES = 20;

    private final double maxShare;
    private String stage = "setup";
    private int episodes;
    private ErrorCounts errors = ErrorCounts.NONE;
    private String firstError;
    private boolean evaluating;

    /** @param maxShare the largest share of errored episodes a stage or an evaluation may have */
    ErrorBudget(double maxShare) {
        this.maxShare = maxShare;
    }

    /** Starts counting a new stage. */
    synchronized void startStage(String name) {
        stage = name;
        episodes = 0;
        errors = ErrorCounts.NONE;
        firstError = null;
    }

    /** While evaluating, each split is checked on its own (see {@link #checkEvaluation}) instead of mid-stage. */
    synchronized void evaluating(boolean on) {
        evaluating = on;
    }

    /** Counts finished episodes of the current stage; fails once enough have run and too many errored. */
    synchronized void count(List<Trajectory> trajectories) {
        episodes += trajectories.size();
        errors = errors.plus(ErrorCounts.of(trajectories));
        if (firstError == null) {
            firstError = firstError(trajectories);
        }
        if (!evaluating && episodes >= EARLY_CHECK_EPISODES) {
            check("stage " + stage, episodes, errors, firstError);
        }
    }

    /** The current stage's episodes and errors so far. */
    synchronized StageErrors stageErrors() {
        return new StageErrors(episodes, errors);
    }

    /** Fails if the stage's errors exceed the budget. */
    synchronized void checkStage() {
        check("stage " + stage, episodes, errors, firstError);
    }

    /** Fails if an evaluation's errors exceed the budget; {@code trajectories} are its episodes. */
    void checkEvaluation(EvaluationResult result, List<Trajectory> trajectories) {
        check("evaluation " + result.stage() + " " + result.split() + " (" + result.search() + ")",
                result.episodes(), result.errors(), firstError(trajectories));
    }

    /** Fails the run if too many of a validation's episodes errored; {@code trajectories} are its episodes. */
    void checkValidation(StageValidation validation, List<Trajectory> trajectories) {
        check("validation " + validation.stage(), validation.episodes(), validation.errors(),
                firstError(trajectories));
    }

    /** {@code task ID: ERROR} of the first errored trajectory, or null if none errored. */
    private static String firstError(List<Trajectory> trajectories) {
        return trajectories.stream().filter(Trajectory::errored).findFirst()
                .map(t -> "task " + t.task().id() + ": " + t.error()).orElse(null);
    }

    private void check(String what, int total, ErrorCounts counts, String first) {
        if (total > 0 && counts.total() > maxShare * total) {
            throw new ErrorShareExceededException(String.format(Locale.ROOT,
                    "%s: %d of %d episodes errored (%s), more than evaluation.maxErrorShare %s allows; first: %s",
                    what, counts.total(), total, counts, maxShare, first));
        }
    }

    /**
     * A stage's episode and error counts, as {@code summary.json} and {@code stage.json} record them.
     *
     * @param episodes the episodes the stage ran (rollouts, searches and evaluations)
     * @param errors those that errored, by cause
     */
    record StageErrors(int episodes, ErrorCounts errors) {
    }

    /** Too many episodes errored: the run fails (exit 1) with this message. */
    static final class ErrorShareExceededException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ErrorShareExceededException(String message) {
            super(message);
        }
    }
}
