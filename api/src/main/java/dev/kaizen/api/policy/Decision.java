package dev.kaizen.api.policy;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Action;
import java.util.List;

/**
 * A policy's answer for one context: distinct candidate actions, the one to execute first.
 * Empty only when the policy found no action at all (the episode is then recorded as failed).
 *
 * @param candidates distinct proposals, in the order the policy picked them
 */
public record Decision(List<Candidate> candidates) {

    public Decision {
        candidates = List.copyOf(requireNonNull(candidates, "candidates is null"));
        if (candidates.stream().map(Candidate::action).distinct().count() != candidates.size()) {
            throw new IllegalArgumentException("candidates must be distinct: " + candidates);
        }
    }

    /** A decision for one action. */
    public static Decision of(Action action, double logProbability) {
        return new Decision(List.of(new Candidate(action, logProbability)));
    }

    /** The action to execute. */
    public Action action() {
        if (candidates.isEmpty()) {
            throw new IllegalStateException("the policy proposed no action");
        }
        return candidates.get(0).action();
    }

    /** Whether the policy proposed nothing. */
    public boolean isEmpty() {
        return candidates.isEmpty();
    }
}
