package dev.kaizen.djl.features;

import dev.kaizen.djl.text.SortedSets;
import dev.kaizen.djl.text.TextProfile;

/**
 * Membership in an instruction's stems, trigrams and token hashes, each through a
 * {@link ValueTable}. Counts equal {@link SortedSets#common} with the instruction's arrays. One per
 * encoded context; not shared.
 */
final class InstructionMatch {

    private final ValueTable stems;
    private final ValueTable trigrams;
    private final ValueTable tokens;

    InstructionMatch(TextProfile instruction) {
        tokens = new ValueTable(instruction.size());
        for (int t = 0; t < instruction.size(); t++) {
            tokens.add(instruction.tokenHash(t));
        }
        stems = ValueTable.of(instruction.stems());
        trigrams = ValueTable.of(instruction.trigrams());
    }

    /** Whether some instruction token has the hash {@code v} ({@link TextProfile#tokenHash}). */
    boolean hasToken(int v) {
        return tokens.contains(v);
    }

    /** How many of {@code values} (distinct) are the instruction's stems. */
    int stems(long[] values) {
        return stems.count(values);
    }

    /** How many of {@code values} (distinct) are the instruction's stems and not in {@code sorted}. */
    int stemsOutside(long[] values, long[] sorted) {
        return stems.countOutside(values, sorted);
    }

    /** How many of {@code values} (distinct) are the instruction's trigrams. */
    int trigrams(long[] values) {
        return trigrams.count(values);
    }

    /** How many of {@code values} (distinct) are the instruction's trigrams and not in {@code sorted}. */
    int trigramsOutside(long[] values, long[] sorted) {
        return trigrams.countOutside(values, sorted);
    }
}
