package dev.kaizen.api.method;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.trajectory.ErrorCounts;
import java.util.List;

/**
 * The evaluation of a policy at one stage on one split, as written to {@code summary.json}.
 * Episodes that errored (see {@link dev.kaizen.api.trajectory.ErrorCause}) are counted in
 * {@code errors} and left out of the success rate, the mean reward and the interval.
 *
 * @param stage {@code baseline}, {@code iter-N} or {@code final}
 * @param split the split
 * @param search the search used to act ({@code greedy} for the plain policy, e.g. {@code mcts})
 * @param episodes how many episodes were run, errored ones included
 * @param successRate the share of completed (not errored) episodes with success; 0 if none completed
 * @param meanReward the mean reward of completed episodes; 0 if none completed
 * @param successCi95 the Wilson 95% interval of the success rate, {@code [low, high]}
 * @param errors the errored episodes by cause
 */
@JsonPropertyOrder({"stage", "split", "search", "episodes", "successRate", "meanReward", "successCi95", "errors",
    "errorShare"})
@JsonIgnoreProperties(value = "errorShare", allowGetters = true)
public record EvaluationResult(String stage, Split split, String search, int episodes, double successRate,
                               double meanReward, List<Double> successCi95, ErrorCounts errors) {

    public EvaluationResult {
        requireNonNull(stage, "stage is null");
        requireNonNull(split, "split is null");
        requireNonNull(search, "search is null");
        successCi95 = List.copyOf(requireNonNull(successCi95, "successCi95 is null"));
        if (successCi95.size() != 2) {
            throw new IllegalArgumentException("successCi95 must be [low, high]: " + successCi95);
        }
        errors = errors == null ? ErrorCounts.NONE : errors;
        if (errors.total() > episodes) {
            throw new IllegalArgumentException(errors.total() + " errored episodes of " + episodes);
        }
    }

    /** An evaluation in which no episode errored. */
    public EvaluationResult(String stage, Split split, String search, int episodes, double successRate,
                            double meanReward, List<Double> successCi95) {
        this(stage, split, search, episodes, successRate, meanReward, successCi95, ErrorCounts.NONE);
    }

    /** The share of episodes that errored. */
    @JsonProperty("errorShare")
    public double errorShare() {
        return episodes == 0 ? 0 : errors.total() / (double) episodes;
    }

    /** The episodes that did not error: those the rates are over. */
    public int completed() {
        return episodes - errors.total();
    }
}
