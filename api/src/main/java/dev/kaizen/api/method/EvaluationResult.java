package dev.kaizen.api.method;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Split;
import java.util.List;

/**
 * The evaluation of a policy at one stage on one split, as written to {@code summary.json}.
 *
 * @param stage {@code baseline}, {@code iter-N} or {@code final}
 * @param split the split
 * @param search the search used to act ({@code greedy} for the plain policy, e.g. {@code mcts})
 * @param episodes how many episodes were run
 * @param successRate the share of episodes with success
 * @param meanReward the mean episode reward
 * @param successCi95 the Wilson 95% interval of the success rate, {@code [low, high]}
 */
public record EvaluationResult(String stage, Split split, String search, int episodes, double successRate,
                               double meanReward, List<Double> successCi95) {

    public EvaluationResult {
        requireNonNull(stage, "stage is null");
        requireNonNull(split, "split is null");
        requireNonNull(search, "search is null");
        successCi95 = List.copyOf(requireNonNull(successCi95, "successCi95 is null"));
        if (successCi95.size() != 2) {
            throw new IllegalArgumentException("successCi95 must be [low, high]: " + successCi95);
        }
    }
}
