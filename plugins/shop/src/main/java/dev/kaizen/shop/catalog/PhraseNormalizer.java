package dev.kaizen.shop.catalog;

import java.util.Locale;

/**
 * Normalises phrases for comparison: lowercase; {@code &} becomes {@code and}; every character
 * other than a letter or digit becomes a space, except a {@code .} between two digits
 * ({@code 33.8}); runs of spaces collapse; a word of more than three letters that ends in a single
 * {@code s} loses it (a plain plural: {@code pockets} → {@code pocket}, but {@code class} stays).
 * Thread-safe (stateless).
 */
public final class PhraseNormalizer {

    private PhraseNormalizer() {
    }

    /** The normal form of {@code phrase}. */
    public static String normalize(String phrase) {
        String lower = phrase.toLowerCase(Locale.ROOT).replace("&", " and ");
        StringBuilder out = new StringBuilder(lower.length());
        int wordStart = 0;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean keep = Character.isLetterOrDigit(c)
                    || (c == '.' && i > 0 && i + 1 < lower.length()
                        && Character.isDigit(lower.charAt(i - 1)) && Character.isDigit(lower.charAt(i + 1)));
            if (keep) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                depluralize(out, wordStart);
                out.append(' ');
                wordStart = out.length();
            }
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        } else {
            depluralize(out, wordStart);
        }
        return out.toString();
    }

    private static void depluralize(StringBuilder out, int wordStart) {
        int end = out.length();
        int length = end - wordStart;
        if (length > 3 && out.charAt(end - 1) == 's' && out.charAt(end - 2) != 's'
                && Character.isLetter(out.charAt(end - 2))) {
            out.setLength(end - 1);
        }
    }
}
