package dev.kaizen.core.evaluation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.kaizen.api.trajectory.ErrorCounts;
import java.util.List;

/**
 * A stage's policy on the validation tasks (the train tasks held out from the method, see
 * {@link TrainingView}), acted on by the recipe's evaluation search.
 *
 * @param stage the stage
 * @param episodes validation episodes run
 * @param successRate successes over the episodes that did not error
 * @param meanReward mean reward over the episodes that did not error
 * @param successCi95 the Wilson 95% interval of the success rate
 * @param errors errored episodes by cause
 */
@JsonPropertyOrder({"stage", "episodes", "successRate", "meanReward", "successCi95", "errors"})
public record StageValidation(String stage, int episodes, double successRate, double meanReward,
                              List<Double> successCi95, ErrorCounts errors) {

    public StageValidation {
        requireNonNull(stage, "stage is null");
        successCi95 = List.copyOf(successCi95);
        requireNonNull(errors, "errors is null");
    }

    /**
     * The stage a run keeps: the best on validation, by success rate and then mean reward; of equals,
     * the earliest (a later stage must do better to replace it). Null when nothing was validated.
     */
    public static StageValidation kept(List<StageValidation> validations) {
        StageValidation best = null;
        for (StageValidation candidate : validations) {
            if (best == null || candidate.successRate() > best.successRate()
                    || candidate.successRate() == best.successRate() && candidate.meanReward() > best.meanReward()) {
                best = candidate;
            }
        }
        return best;
    }
}
