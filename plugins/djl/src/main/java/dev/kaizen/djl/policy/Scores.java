package dev.kaizen.djl.policy;

import ai.djl.ndarray.NDArray;

/**
 * The differentiable outputs of a forward pass over {@link Examples}; the arrays live in the
 * caller's {@code NDScope}. A context's distribution is a softmax over its rows; a template row's
 * filler then keeps each instruction token with probability {@code σ(tokenLogit)}.
 *
 * @param logProbabilities {@code [examples × maxRows]} row log-probabilities (padding about -1e9)
 * @param mask {@code [examples × maxRows]} 1 for real rows
 * @param tokenLogits {@code [examples × maxTokens]} filler token logits
 * @param tokenMask {@code [examples × maxTokens]} 1 for real tokens
 * @param templateMass {@code [examples]} the probability of choosing any template row
 * @param chosen {@code [examples]} {@code log π} of each example's given action (0 where none)
 * @param chosenScores {@code [examples]} the given action's raw score: its row's logit plus, for a
 *     filler, its tokens' log-likelihood
 * @param values {@code [examples]} the value head's estimates, or null if not requested
 */
public record Scores(NDArray logProbabilities, NDArray mask, NDArray tokenLogits, NDArray tokenMask,
                     NDArray templateMass, NDArray chosen, NDArray chosenScores, NDArray values) {
}
