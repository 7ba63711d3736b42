package dev.kaizen.llm.client;

import static java.util.Objects.requireNonNull;

/**
 * One generated token and its log-probability.
 *
 * @param token the token's text
 * @param logprob its natural-log probability, {@code <= 0}
 */
public record TokenLogprob(String token, double logprob) {

    public TokenLogprob {
        requireNonNull(token, "token is null");
    }
}
