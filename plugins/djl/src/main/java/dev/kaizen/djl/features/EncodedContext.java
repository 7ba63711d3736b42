package dev.kaizen.djl.features;

import dev.kaizen.api.env.Action;
import dev.kaizen.djl.text.QueryTokens;
import dev.kaizen.djl.text.TextProfile;
import java.util.List;

/**
 * One context turned into numbers: a row per concrete action and per free-text template, and,
 * when there are templates, a token block (one row per instruction token) for the fillers.
 *
 * @param rows the rows, concrete actions first (display order), then templates
 * @param textIds per row, the embedding buckets of its words (argument and description)
 * @param roleIds per row, the embedding buckets of its role tokens (verb, page, position, history)
 * @param dense per row, {@link FeatureEncoder#DENSE} matching features, row after row
 * @param instructionIds the embedding buckets of the instruction's content words
 * @param adviceBias per row, the fixed logit bias from advice
 * @param instruction the instruction, whose tokens write fillers
 * @param tokenIds per instruction token (none without templates), the buckets of the token and
 *     of its neighbours ({@link FeatureEncoder#TOKEN_IDS} each)
 * @param tokenDense per token, {@link FeatureEncoder#TOKEN_DENSE} features, token after token
 * @param tokenBias per token, the fixed logit bias from advised fillers
 */
public record EncodedContext(List<Row> rows, int[][] textIds, int[][] roleIds, float[] dense, int[] instructionIds,
                      float[] adviceBias, TextProfile instruction, int[][] tokenIds, float[] tokenDense,
                      float[] tokenBias) {

    /** The number of rows. */
    public int size() {
        return rows.size();
    }

    /** The number of instruction tokens in the token block (0 without templates). */
    public int tokens() {
        return tokenIds.length;
    }

    /** How {@code action} is written in this context's rows. */
    public Choice choose(Action action) {
        for (int r = 0; r < rows.size(); r++) {
            if (!rows.get(r).isTemplate() && rows.get(r).action().equals(action)) {
                return new Choice(r, null, false);
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            String filler = rows.get(r).fillerOf(action);
            if (filler != null) {
                boolean[] tokens = QueryTokens.align(instruction, filler, tokens());
                return new Choice(r, tokens, tokens == null);
            }
        }
        return new Choice(-1, null, false);
    }

    /**
     * An action as a row and, for fillers, the instruction tokens that write it.
     *
     * @param row the row, -1 if the action is not among the rows
     * @param tokens for a filler written with the instruction's tokens, which tokens; else null
     * @param unaligned whether the action fills a template but cannot be written with the tokens
     */
    public record Choice(int row, boolean[] tokens, boolean unaligned) {
    }
}
