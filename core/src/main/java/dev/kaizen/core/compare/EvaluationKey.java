package dev.kaizen.core.compare;

import static java.util.Objects.requireNonNull;

/**
 * What an evaluation measured: a stage, a split and a search. Rows of a comparison are per group
 * and key.
 *
 * @param stage e.g. {@code final}
 * @param split e.g. {@code seen}
 * @param search e.g. {@code greedy}
 */
public record EvaluationKey(String stage, String split, String search) {

    public EvaluationKey {
        requireNonNull(stage, "stage is null");
        requireNonNull(split, "split is null");
        requireNonNull(search, "search is null");
    }

    /** E.g. {@code final / seen / greedy}. */
    @Override
    public String toString() {
        return stage + " / " + split + " / " + search;
    }
}
