package dev.kaizen.djl.features;

import dev.kaizen.djl.text.Stemmer;
import dev.kaizen.djl.text.TextHash;
import dev.kaizen.djl.text.TextProfile;
import java.util.Arrays;

/**
 * Words hashed into embedding buckets (namespace {@code w}): a token's {@link Stemmer stem}, or
 * {@code <number>} for a number. Immutable.
 */
final class WordBuckets {

    private static final int MAX_TEXT = 32;
    private static final int MAX_INSTRUCTION = 48;

    private final int buckets;

    WordBuckets(int buckets) {
        this.buckets = buckets;
    }

    /** The bucket of token {@code t} of {@code profile}. */
    int word(TextProfile profile, int t) {
        String word = profile.isNumber(t) ? "<number>" : Stemmer.stem(profile.token(t));
        return TextHash.bucket(TextHash.of("w", word), buckets);
    }

    /** The buckets of a candidate's words: its argument's, then its description's, at most {@value #MAX_TEXT}. */
    int[] text(TextProfile argument, TextProfile description) {
        int total = Math.min(MAX_TEXT, argument.size() + description.size());
        int[] ids = new int[total];
        int k = 0;
        for (TextProfile profile : new TextProfile[] {argument, description}) {
            for (int t = 0; t < profile.size() && k < total; t++) {
                ids[k++] = word(profile, t);
            }
        }
        return ids;
    }

    /** The buckets of the instruction's content words, at most {@value #MAX_INSTRUCTION}. */
    int[] instruction(TextProfile instruction) {
        int[] ids = new int[Math.min(MAX_INSTRUCTION, instruction.size())];
        int k = 0;
        for (int t = 0; t < instruction.size() && k < ids.length; t++) {
            if (!instruction.isStopword(t)) {
                ids[k++] = word(instruction, t);
            }
        }
        return Arrays.copyOf(ids, k);
    }
}
