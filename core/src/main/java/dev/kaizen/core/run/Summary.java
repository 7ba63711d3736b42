package dev.kaizen.core.run;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.kaizen.api.method.EvaluationResult;
import java.util.List;

/**
 * {@code summary.json}: the run's evaluations.
 *
 * @param recipe the recipe's name
 * @param method the method's type name
 * @param seed the recipe's seed
 * @param status {@code running} (written after each stage), {@code completed} or {@code failed}
 * @param resumed whether this process resumed an interrupted run
 * @param wallSeconds seconds this process ran
 * @param evaluations every evaluation, in the order they ran
 * @param error why the run failed, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"recipe", "method", "seed", "status", "resumed", "wallSeconds", "evaluations", "error"})
public record Summary(String recipe, String method, long seed, String status, boolean resumed, double wallSeconds,
                      List<EvaluationResult> evaluations, String error) {

    public Summary {
        requireNonNull(recipe, "recipe is null");
        requireNonNull(method, "method is null");
        requireNonNull(status, "status is null");
        evaluations = List.copyOf(requireNonNull(evaluations, "evaluations is null"));
    }
}
