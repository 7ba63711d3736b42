package dev.kaizen.djl.policy;

import dev.kaizen.api.env.Action;
import java.util.ArrayList;
import java.util.List;

/**
 * Contexts encoded once for training, each with the row of a given action (or -1 when none was
 * given). Optimisers encode their data once and draw minibatches with {@link #subset}. Immutable.
 */
public final class Examples {

    private final List<EncodedContext> encoded;
    private final int[] chosen;

    Examples(List<EncodedContext> encoded, int[] chosen) {
        this.encoded = List.copyOf(encoded);
        this.chosen = chosen.clone();
    }

    /** The number of examples. */
    public int size() {
        return encoded.size();
    }

    /** The candidate actions of example {@code i}. */
    public List<Action> candidates(int i) {
        return encoded.get(i).candidates();
    }

    /** The row of the given action in example {@code i}, or -1. */
    public int chosen(int i) {
        return chosen[i];
    }

    /** The examples at {@code indices}, in that order. */
    public Examples subset(int[] indices) {
        List<EncodedContext> part = new ArrayList<>(indices.length);
        int[] rows = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            part.add(encoded.get(indices[k]));
            rows[k] = chosen[indices[k]];
        }
        return new Examples(part, rows);
    }

    List<EncodedContext> encoded() {
        return encoded;
    }

    int[] chosenRows() {
        return chosen;
    }
}
