package dev.kaizen.djl.policy;

import ai.djl.ndarray.NDArray;

/**
 * The differentiable outputs of a forward pass over {@link Examples}; the arrays live in the
 * caller's {@code NDScope}.
 *
 * @param logProbabilities {@code [examples × maxCandidates]} log-probabilities, padding at about -1e9
 * @param mask {@code [examples × maxCandidates]}, 1 for real candidates and 0 for padding
 * @param chosen {@code [examples]} log-probability of each example's given action (0 where none was given)
 * @param chosenScores {@code [examples]} the raw score (logit before the softmax) of each given action
 * @param values {@code [examples]} the value head's estimates, or null if not requested
 */
public record Scores(NDArray logProbabilities, NDArray mask, NDArray chosen, NDArray chosenScores, NDArray values) {
}
