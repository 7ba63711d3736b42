package dev.kaizen.api.env;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How alike two observations are, in [0, 1]. Environments that know the structure of their
 * observations (e.g. page types) supply their own through
 * {@link Environment#observationSimilarity()}; {@link #textOverlap()} is the generic fallback.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface ObservationSimilarity {

    /** Similarity in [0, 1]; 1 means the same kind of state. */
    double between(Observation a, Observation b);

    /** Jaccard overlap of the lowercase word sets of the two observation texts. */
    static ObservationSimilarity textOverlap() {
        return (a, b) -> {
            Set<String> left = words(a.text());
            Set<String> right = words(b.text());
            if (left.isEmpty() && right.isEmpty()) {
                return 1.0;
            }
            Set<String> union = new HashSet<>(left);
            union.addAll(right);
            left.retainAll(right);
            return (double) left.size() / union.size();
        };
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
