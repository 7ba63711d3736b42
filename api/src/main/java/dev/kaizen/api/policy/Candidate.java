package dev.kaizen.api.policy;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Action;

/**
 * An action a policy proposes, with its log-probability under the policy ({@code NaN} where the
 * policy cannot tell, e.g. an LLM server without logprobs).
 *
 * @param action the action
 * @param logProbability {@code log π(action | context)}, {@code <= 0}, or NaN if unknown
 */
public record Candidate(Action action, double logProbability) {

    public Candidate {
        requireNonNull(action, "action is null");
        if (logProbability > 1e-9) {
            throw new IllegalArgumentException("log-probability must be <= 0: " + logProbability);
        }
    }
}
