package dev.kaizen.djl.text;

import java.util.Arrays;

/**
 * The stem hashes of a text's content words: for each token that is not a function word, the hash
 * of its {@link Stemmer stem} and those of its hyphen parts that are content words. Thread-safe.
 */
final class StemHashes {

    private static final long[] NO_LONGS = new long[0];
    /**
     * Each token's stem hashes, computed once: catalogue words recur on every page. Cleared when
     * full; the results never depend on what is kept. Values are never modified.
     */
    private static final BoundedCache<String, long[]> TOKEN_STEMS = new BoundedCache<>(200_000);

    private StemHashes() {
    }

    /** The stem hashes of {@code tokens}, sorted, distinct. */
    static long[] of(String[] tokens) {
        if (tokens.length == 0) {
            return NO_LONGS;
        }
        long[] out = new long[tokens.length * 2 + 4];
        int k = 0;
        for (String token : tokens) {
            long[] hashes = TOKEN_STEMS.get(token, StemHashes::tokenStems);
            if (k + hashes.length > out.length) {
                out = Arrays.copyOf(out, out.length * 2 + hashes.length);
            }
            System.arraycopy(hashes, 0, out, k, hashes.length);
            k += hashes.length;
        }
        return SortedSets.of(Arrays.copyOf(out, k));
    }

    /**
     * The stem hashes one token contributes: none for a function word, else its stem's and those of
     * its hyphen parts that are content words.
     */
    private static long[] tokenStems(String token) {
        if (Stopwords.contains(token)) {
            return NO_LONGS;
        }
        String[] parts = token.indexOf('-') > 0 ? token.split("-") : new String[0];
        long[] out = new long[parts.length + 1];
        int k = 0;
        out[k++] = TextHash.of("s", Stemmer.stem(token));
        for (String part : parts) {
            if (!part.isEmpty() && !Stopwords.contains(part)) {
                out[k++] = TextHash.of("s", Stemmer.stem(part));
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }
}
