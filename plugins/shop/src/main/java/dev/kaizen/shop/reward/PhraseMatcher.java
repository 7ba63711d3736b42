package dev.kaizen.shop.reward;

import dev.kaizen.shop.catalog.PhraseNormalizer;

/**
 * Fuzzy equality of short phrases, as the reward uses it. Two phrases are equivalent when, after
 * {@link PhraseNormalizer#normalize normalisation}:
 * <ol>
 *   <li>they are equal ({@code Water-Resistant} = {@code water resistant}, {@code zip pockets} =
 *       {@code zip pocket}); or
 *   <li>they are equal once spaces are removed ({@code water proof} = {@code waterproof}); or
 *   <li>({@link #similar} only) neither contains a digit, both are at least
 *       {@value #TYPO_MIN_LENGTH} characters long, and they are one edit apart (insert, delete or
 *       replace one character: {@code noise canceling} = {@code noise cancelling}).
 * </ol>
 * Rule 3 never applies to phrases with digits, so {@code size 8} and {@code size 9} differ.
 * Thread-safe (stateless).
 */
public final class PhraseMatcher {

    /** Shortest phrase (normalised) that rule 3 tolerates a typo in. */
    public static final int TYPO_MIN_LENGTH = 6;

    private PhraseMatcher() {
    }

    /** Rules 1 and 2: the same words, up to case, punctuation, plurals and spacing. */
    public static boolean same(String a, String b) {
        return sameNormalized(PhraseNormalizer.normalize(a), PhraseNormalizer.normalize(b));
    }

    /** Rules 1 to 3: {@link #same}, or one typo apart. */
    public static boolean similar(String a, String b) {
        return similarNormalized(PhraseNormalizer.normalize(a), PhraseNormalizer.normalize(b));
    }

    /** {@link #same} for phrases already {@link PhraseNormalizer#normalize normalised}. */
    static boolean sameNormalized(String x, String y) {
        return x.equals(y) || x.replace(" ", "").equals(y.replace(" ", ""));
    }

    /** {@link #similar} for phrases already {@link PhraseNormalizer#normalize normalised}. */
    static boolean similarNormalized(String x, String y) {
        if (sameNormalized(x, y)) {
            return true;
        }
        if (x.length() < TYPO_MIN_LENGTH || y.length() < TYPO_MIN_LENGTH || hasDigit(x) || hasDigit(y)) {
            return false;
        }
        return withinOneEdit(x, y);
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static boolean withinOneEdit(String x, String y) {
        if (Math.abs(x.length() - y.length()) > 1) {
            return false;
        }
        String shorter = x.length() <= y.length() ? x : y;
        String longer = shorter == x ? y : x;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        if (i == shorter.length()) {
            return true;
        }
        if (shorter.length() == longer.length()) {
            return shorter.substring(i + 1).equals(longer.substring(i + 1));
        }
        return shorter.substring(i).equals(longer.substring(i + 1));
    }
}
