package dev.kaizen.djl.text;

import dev.kaizen.api.Seeds;
import java.util.Arrays;

/**
 * Character-trigram fingerprints of a text's content words, for fuzzy matching: every three
 * consecutive characters of each token that is not a function word, padded with a space at either
 * end, hashed to 32 bits. Stateless.
 */
final class TrigramFingerprints {

    private TrigramFingerprints() {
    }

    /** The fingerprints of {@code tokens}, sorted, distinct; each a 32-bit value held in a long. */
    static long[] of(String[] tokens) {
        int total = 0;
        for (String token : tokens) {
            total += token.length() + 1;
        }
        long[] out = new long[total];
        int k = 0;
        for (String token : tokens) {
            if (Stopwords.contains(token)) {
                continue;
            }
            int len = token.length();
            for (int i = -1; i < len - 1; i++) {
                char a = i < 0 ? ' ' : token.charAt(i);
                char b = token.charAt(i + 1);
                char c = i + 2 < len ? token.charAt(i + 2) : ' ';
                out[k++] = (int) mix(((long) a << 32) ^ ((long) b << 16) ^ c);
            }
        }
        return SortedSets.of(Arrays.copyOf(out, k));
    }

    private static long mix(long v) {
        return Seeds.mix(v + 0x9E3779B97F4A7C15L);
    }
}
