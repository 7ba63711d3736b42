package dev.kaizen.djl.features;

import static dev.kaizen.djl.features.FeatureEncoder.MAX_TOKENS;
import static dev.kaizen.djl.features.FeatureEncoder.TOKEN_DENSE;

import dev.kaizen.djl.text.BoundedCache;
import dev.kaizen.djl.text.TextHash;
import dev.kaizen.djl.text.TextProfile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The token block of a context, one row per instruction token (at most
 * {@value FeatureEncoder#MAX_TOKENS}), from which fillers are written: each token's word bucket and
 * its neighbours' ({@code tl}, {@code tr}, {@code tl2}, {@code tr2}: "," across punctuation, "^" and
 * "$" past either end, {@code <number>} for numbers), and {@value FeatureEncoder#TOKEN_DENSE}
 * features: function word, number, price, punctuation before and after, a {@code $} before,
 * position in the instruction and in its clause, repeated, on the page, length, first content word,
 * whether its neighbours are function words, and whether an earlier query of the episode used it.
 * The part that depends on the instruction alone is worked out once per instruction and kept
 * (cleared when full). Thread-safe.
 */
final class TokenBlocks {

    /** Instructions' token blocks kept, by profile (identity); cleared when full. */
    private final BoundedCache<TextProfile, TokenBlock> blocks = new BoundedCache<>(10_000);
    private final int buckets;
    private final WordBuckets words;

    TokenBlocks(int buckets, WordBuckets words) {
        this.buckets = buckets;
        this.words = words;
    }

    /**
     * Fills the token block of a context: the instruction's part (buckets and features of each token,
     * {@link #block}) with what the page and the history say about each token.
     *
     * @param ids per token, its buckets; as many tokens as are encoded
     * @param dense per token, {@value FeatureEncoder#TOKEN_DENSE} features
     */
    void encode(TextProfile instruction, TextProfile page, History history, int[][] ids, float[] dense) {
        int n = ids.length;
        TokenBlock block = blocks.get(instruction, this::block);
        System.arraycopy(block.ids(), 0, ids, 0, n);
        System.arraycopy(block.dense(), 0, dense, 0, n * TOKEN_DENSE);
        Set<String> wanted = new HashSet<>();
        for (int t = 0; t < n; t++) {
            wanted.add(instruction.token(t));
        }
        Set<String> onPage = new HashSet<>();
        for (int t = 0; t < page.size(); t++) {
            String word = page.token(t);
            if (wanted.contains(word)) {
                onPage.add(word);
            }
        }
        for (int t = 0; t < n; t++) {
            String token = instruction.token(t);
            int o = t * TOKEN_DENSE;
            dense[o + 9] = onPage.contains(token) ? 1 : 0;
            dense[o + 14] = history.queried(token) ? 1 : 0;
        }
    }

    /**
     * The part of the token block that depends on the instruction alone, computed once per
     * instruction.
     *
     * @param ids per token, its {@value FeatureEncoder#TOKEN_IDS} buckets; never modified
     * @param dense per token, {@value FeatureEncoder#TOKEN_DENSE} features, those read from the page
     *     and the history (9 and 14) left at zero; never modified
     */
    private record TokenBlock(int[][] ids, float[] dense) {
    }

    private TokenBlock block(TextProfile instruction) {
        int n = Math.min(MAX_TOKENS, instruction.size());
        int[][] ids = new int[n][];
        float[] dense = new float[n * TOKEN_DENSE];
        Map<String, Integer> counts = new HashMap<>();
        for (int t = 0; t < instruction.size(); t++) {
            counts.merge(instruction.token(t), 1, Integer::sum);
        }
        int firstContent = -1;
        int sinceBoundary = 0;
        for (int t = 0; t < n; t++) {
            String token = instruction.token(t);
            boolean stop = instruction.isStopword(t);
            if (firstContent < 0 && !stop && !instruction.isNumber(t)) {
                firstContent = t;
            }
            sinceBoundary = t == 0 || instruction.boundaryBefore(t) ? 0 : sinceBoundary + 1;
            int o = t * TOKEN_DENSE;
            boolean boundaryAfter = t + 1 >= instruction.size() || instruction.boundaryBefore(t + 1);
            dense[o] = stop ? 1 : 0;
            dense[o + 1] = instruction.isNumber(t) ? 1 : 0;
            dense[o + 2] = instruction.isPrice(t) ? 1 : 0;
            dense[o + 3] = t == 0 || instruction.boundaryBefore(t) ? 1 : 0;
            dense[o + 4] = boundaryAfter ? 1 : 0;
            dense[o + 5] = instruction.dollarBefore(t) ? 1 : 0;
            dense[o + 6] = n <= 1 ? 0 : (float) t / (n - 1);
            dense[o + 7] = Math.min(sinceBoundary, 10) / 10f;
            dense[o + 8] = counts.get(token) > 1 ? 1 : 0;
            dense[o + 10] = Math.min(token.length(), 10) / 10f;
            dense[o + 11] = t == firstContent ? 1 : 0;
            dense[o + 12] = t > 0 && instruction.isStopword(t - 1) ? 1 : 0;
            dense[o + 13] = t + 1 < instruction.size() && instruction.isStopword(t + 1) ? 1 : 0;
            ids[t] = new int[] {
                words.word(instruction, t),
                TextHash.bucket(TextHash.of("tl", neighbour(instruction, t, -1)), buckets),
                TextHash.bucket(TextHash.of("tr", neighbour(instruction, t, 1)), buckets),
                TextHash.bucket(TextHash.of("tl2", neighbour(instruction, t, -2)), buckets),
                TextHash.bucket(TextHash.of("tr2", neighbour(instruction, t, 2)), buckets),
            };
        }
        return new TokenBlock(ids, dense);
    }

    /** The token {@code offset} places away, "," across punctuation, "^"/"$" past either end. */
    private static String neighbour(TextProfile text, int t, int offset) {
        int step = offset < 0 ? -1 : 1;
        int at = t;
        for (int k = 0; k < Math.abs(offset); k++) {
            if (step < 0 && (at == 0 || text.boundaryBefore(at)) || step > 0 && at + 1 < text.size()
                    && text.boundaryBefore(at + 1)) {
                return ",";
            }
            at += step;
            if (at < 0) {
                return "^";
            }
            if (at >= text.size()) {
                return "$";
            }
        }
        return text.isNumber(at) ? "<number>" : text.token(at);
    }
}
