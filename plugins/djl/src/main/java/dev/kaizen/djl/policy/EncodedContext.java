package dev.kaizen.djl.policy;

import dev.kaizen.api.env.Action;
import java.util.List;

/**
 * One context turned into numbers: one row per candidate action.
 *
 * @param candidates the candidate actions, in row order
 * @param textIds per row, the embedding buckets of the candidate's words (argument and description)
 * @param roleIds per row, the embedding buckets of its role tokens (verb, page, position, spans' neighbours)
 * @param dense per row, {@link FeatureEncoder#DENSE} matching features, row after row
 * @param instructionIds the embedding buckets of the instruction's content words
 * @param adviceBias per row, the fixed logit bias from advice
 */
record EncodedContext(List<Action> candidates, int[][] textIds, int[][] roleIds, float[] dense,
                      int[] instructionIds, float[] adviceBias) {

    int rows() {
        return candidates.size();
    }

    /** The row of {@code action}, or -1. */
    int rowOf(Action action) {
        return candidates.indexOf(action);
    }
}
