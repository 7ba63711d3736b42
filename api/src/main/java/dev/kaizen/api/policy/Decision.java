package dev.kaizen.api.policy;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Action;
import java.util.List;

/**
 * A policy's answer for one context: distinct candidate actions, the one to execute first.
 * Empty when the policy found no action (the episode is recorded as failed by the agent), or when
 * it could not decide at all ({@link #failed}; the episode is recorded as errored, see
 * {@link dev.kaizen.api.trajectory.ErrorCause#POLICY}).
 *
 * @param candidates distinct proposals, in the order the policy picked them
 * @param failure why the policy could not decide (e.g. its server failed after every retry), else
 *     null; a decision with a failure has no candidates
 */
public record Decision(List<Candidate> candidates, String failure) {

    public Decision {
        candidates = List.copyOf(requireNonNull(candidates, "candidates is null"));
        if (failure != null && !candidates.isEmpty()) {
            throw new IllegalArgumentException("a failed decision has no candidates: " + candidates);
        }
        if (candidates.stream().map(Candidate::action).distinct().count() != candidates.size()) {
            throw new IllegalArgumentException("candidates must be distinct: " + candidates);
        }
    }

    /** A decision among {@code candidates}. */
    public Decision(List<Candidate> candidates) {
        this(candidates, null);
    }

    /** The policy could not decide for this context, for the reason given. */
    public static Decision failed(String failure) {
        return new Decision(List.of(), requireNonNull(failure, "failure is null"));
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

    /** Whether the policy could not decide ({@link #failed}). */
    public boolean isFailed() {
        return failure != null;
    }

    /** Whether the policy proposed nothing (also when it {@linkplain #isFailed() failed}). */
    public boolean isEmpty() {
        return candidates.isEmpty();
    }
}
