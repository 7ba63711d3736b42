package dev.kaizen.llm.client;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One completion.
 *
 * @param content the assistant's text (empty if the server sent none)
 * @param finishReason why generation stopped ({@code stop}, {@code length}, ...), or null
 * @param tokens the generated tokens with their log-probabilities, or null if the server sent none
 */
public record ChatChoice(String content, String finishReason, List<TokenLogprob> tokens) {

    public ChatChoice {
        requireNonNull(content, "content is null");
        tokens = tokens == null ? null : List.copyOf(tokens);
    }

    /** Whether the server sent token log-probabilities. */
    public boolean hasLogprobs() {
        return tokens != null && !tokens.isEmpty();
    }

    /**
     * The summed log-probability of the tokens that overlap the characters {@code [start, end)} of
     * {@link #content()}, or NaN if the server sent no log-probabilities or its tokens do not spell
     * the content exactly.
     */
    public double logprobOfSpan(int start, int end) {
        if (!hasLogprobs() || start < 0 || end > content.length() || start >= end) {
            return Double.NaN;
        }
        StringBuilder spelled = new StringBuilder(content.length());
        double sum = 0;
        int at = 0;
        for (TokenLogprob token : tokens) {
            int from = at;
            int to = at + token.token().length();
            if (to > from && from < end && to > start) {
                sum += token.logprob();
            }
            spelled.append(token.token());
            at = to;
        }
        if (!spelled.toString().startsWith(content) && !content.startsWith(spelled.toString())) {
            return Double.NaN;
        }
        if (at < end) {
            return Double.NaN;
        }
        return Math.min(0.0, sum);
    }
}
