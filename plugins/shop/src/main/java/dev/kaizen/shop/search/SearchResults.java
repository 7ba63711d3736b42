package dev.kaizen.shop.search;

import java.util.Arrays;

/**
 * The products a search found, best first, as catalog ordinals. Immutable and thread-safe.
 */
public final class SearchResults {

    /** No results. */
    public static final SearchResults EMPTY = new SearchResults(new int[0]);

    private final int[] ordinals;

    SearchResults(int[] ordinals) {
        this.ordinals = ordinals;
    }

    /** How many products were found. */
    public int size() {
        return ordinals.length;
    }

    /** The ordinal of the product at {@code rank} (0 is best). */
    public int get(int rank) {
        return ordinals[rank];
    }

    /** The rank of the product with this ordinal, or -1. */
    public int rankOf(int ordinal) {
        for (int i = 0; i < ordinals.length; i++) {
            if (ordinals[i] == ordinal) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SearchResults results && Arrays.equals(ordinals, results.ordinals);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ordinals);
    }

    @Override
    public String toString() {
        return Arrays.toString(ordinals);
    }
}
