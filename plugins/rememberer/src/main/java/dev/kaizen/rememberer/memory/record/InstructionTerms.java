package dev.kaizen.rememberer.memory.record;

import java.util.Arrays;

/**
 * An instruction after analysis: its distinct terms, sorted, and its token count (the field length
 * BM25 sees). Immutable.
 */
public record InstructionTerms(String[] terms, int length) {

    public static final InstructionTerms EMPTY = new InstructionTerms(new String[0], 0);

    /** Whether the sorted term array contains {@code term}. */
    public boolean contains(String term) {
        return Arrays.binarySearch(terms, term) >= 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InstructionTerms o && o.length == length && Arrays.equals(o.terms, terms);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(terms) + length;
    }

    @Override
    public String toString() {
        return Arrays.toString(terms) + "/" + length;
    }
}
