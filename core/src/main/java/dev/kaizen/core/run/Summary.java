package dev.kaizen.core.run;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.kaizen.api.method.EvaluationResult;
import dev.kaizen.core.evaluation.StageValidation;
import java.util.List;

/**
 * {@code summary.json}: the run's stages and evaluations.
 *
 * @param recipe the recipe's name
 * @param method the method's type name
 * @param seed the recipe's seed
 * @param status {@code running} (written after each stage), {@code completed}, {@code failed}
 *     (see {@code error}) or {@code interrupted} (stopped by a signal; {@code kaizen run --resume DIR}
 *     continues it)
 * @param resumed whether this process resumed an interrupted run
 * @param wallSeconds seconds this process ran
 * @param totalWallSeconds seconds every process of the run ran together, resumed ones included
 * @param stages every completed stage, in the order they ran, with its episode and error counts
 * @param evaluations every evaluation, in the order they ran
 * @param validation every stage's run on the held-out train tasks, in the order they ran (empty when
 *     {@code evaluation.validation} is 0)
 * @param kept the stage the run keeps: the best on validation (see {@link StageValidation#kept}), or
 *     without validation the last evaluated; null before any evaluation
 * @param error why the run failed or stopped, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"recipe", "method", "seed", "status", "resumed", "wallSeconds", "totalWallSeconds", "stages",
    "evaluations", "validation", "kept", "error"})
public record Summary(String recipe, String method, long seed, String status, boolean resumed, double wallSeconds,
                      double totalWallSeconds, List<StageSummary> stages, List<EvaluationResult> evaluations,
                      List<StageValidation> validation, String kept, String error) {

    /** Status of a run under way. */
    public static final String RUNNING = "running";
    /** Status of a run that ended normally. */
    public static final String COMPLETED = "completed";
    /** Status of a run that failed. */
    public static final String FAILED = "failed";
    /** Status of a run stopped by a signal. */
    public static final String INTERRUPTED = "interrupted";

    /** The stage to keep: the best validated one, else the stage of the last evaluation; null if none. */
    static String keptStage(List<StageValidation> validation, List<EvaluationResult> evaluations) {
        StageValidation best = StageValidation.kept(validation);
        if (best != null) {
            return best.stage();
        }
        return evaluations.isEmpty() ? null : evaluations.get(evaluations.size() - 1).stage();
    }

    public Summary {
        requireNonNull(recipe, "recipe is null");
        requireNonNull(method, "method is null");
        requireNonNull(status, "status is null");
        stages = List.copyOf(stages == null ? List.of() : stages);
        evaluations = List.copyOf(requireNonNull(evaluations, "evaluations is null"));
        validation = List.copyOf(validation == null ? List.of() : validation);
    }
}
