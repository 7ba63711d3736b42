package dev.kaizen.djl.text;

import java.util.Arrays;
import java.util.Locale;

/**
 * A text analysed once for matching: lowercase tokens with their offsets and punctuation
 * boundaries, content-word stems, character-trigram fingerprints, numbers and prices. Immutable and
 * thread-safe; build through {@link TextProfiles} to reuse analyses.
 *
 * <p>Tokens are as {@link TokenSpans} finds them: a structured value ({@code 24.99}, {@code 7:30},
 * {@code 5/1/2024}) is one token (see {@link #isNumber}). Stems are {@link StemHashes}, trigrams
 * {@link TrigramFingerprints}; both are sorted distinct arrays for {@link SortedSets#common}.
 */
public final class TextProfile {

    private final String text;
    private final String[] tokens;
    /** Each token's {@link String#hashCode}, to rule out most unequal tokens without comparing them. */
    private final int[] tokenHashes;
    private final int[] starts;
    private final int[] ends;
    private final boolean[] boundaryBefore;
    private final boolean[] dollarBefore;
    private final long[] stems;
    private final long[] trigrams;
    private final double[] numbers;
    private final double[] prices;
    private final boolean[] priceTokens;

    private TextProfile(String text, boolean withTrigrams) {
        this.text = text;
        char[] chars = text.toLowerCase(Locale.ROOT).toCharArray();
        TokenSpans spans = TokenSpans.scan(chars);
        int count = spans.count();
        tokens = new String[count];
        starts = spans.starts();
        ends = spans.ends();
        boundaryBefore = spans.boundaryBefore();
        dollarBefore = spans.dollarBefore();
        for (int t = 0; t < count; t++) {
            tokens[t] = new String(chars, starts[t], ends[t] - starts[t]);
        }
        this.stems = StemHashes.of(tokens);
        tokenHashes = new int[count];
        for (int t = 0; t < count; t++) {
            tokenHashes[t] = tokens[t].hashCode();
        }
        this.trigrams = withTrigrams ? TrigramFingerprints.of(tokens) : new long[0];
        double[] numberList = new double[count];
        double[] priceList = new double[count];
        int numberCount = 0;
        int priceCount = 0;
        priceTokens = new boolean[count];
        for (int t = 0; t < count; t++) {
            double value = NumberTokens.value(tokens[t]);
            if (Double.isNaN(value)) {
                continue;
            }
            numberList[numberCount++] = value;
            if (readsAsPrice(t)) {
                priceList[priceCount++] = value;
                priceTokens[t] = true;
            }
        }
        numbers = Arrays.copyOf(numberList, numberCount);
        prices = Arrays.copyOf(priceList, priceCount);
    }

    /** Analyses {@code text} (prefer {@link TextProfiles#of(String)}, which caches). */
    public static TextProfile analyse(String text) {
        return new TextProfile(text, true);
    }

    /** Analyses {@code text} without trigram fingerprints (cheaper, for long texts read once). */
    public static TextProfile analyseWords(String text) {
        return new TextProfile(text, false);
    }

    private boolean readsAsPrice(int t) {
        if (dollarBefore[t] || tokens[t].indexOf('.') > 0) {
            return true;
        }
        if (t + 1 < tokens.length && (tokens[t + 1].startsWith("dollar") || tokens[t + 1].equals("usd"))) {
            return true;
        }
        for (int k = Math.max(0, t - 2); k < t; k++) {
            String w = tokens[k];
            if (w.equals("price") || w.equals("than") || w.equals("under") || w.equals("below")
                    || w.equals("budget") || w.equals("max") || w.equals("maximum")) {
                return true;
            }
        }
        return false;
    }

    /** The original text. */
    public String text() {
        return text;
    }

    /** The number of tokens. */
    public int size() {
        return tokens.length;
    }

    /** Token {@code t}, lowercase. */
    public String token(int t) {
        return tokens[t];
    }

    /** The {@link String#hashCode} of token {@code t}. */
    public int tokenHash(int t) {
        return tokenHashes[t];
    }

    /** Whether punctuation separates token {@code t} from the one before it. */
    public boolean boundaryBefore(int t) {
        return boundaryBefore[t];
    }

    /** The original text from token {@code from} to token {@code to} (exclusive), lowercase. */
    public String span(int from, int to) {
        return text.substring(starts[from], ends[to - 1]).toLowerCase(Locale.ROOT);
    }

    /** Whether token {@code t} is a number that reads as a price. */
    public boolean isPrice(int t) {
        return priceTokens[t];
    }

    /** Whether a {@code $} sign stands right before token {@code t}. */
    public boolean dollarBefore(int t) {
        return dollarBefore[t];
    }

    /** Whether token {@code t} is a function word. */
    public boolean isStopword(int t) {
        return Stopwords.contains(tokens[t]);
    }

    /** Whether token {@code t} is a number. */
    public boolean isNumber(int t) {
        return !Double.isNaN(NumberTokens.value(tokens[t]));
    }

    /** Hashes of the stems of the content words (and of their hyphen parts), sorted, distinct. */
    public long[] stems() {
        return stems;
    }

    /**
     * Character-trigram fingerprints of the content words ({@link TrigramFingerprints}), sorted,
     * distinct (empty from {@link #analyseWords}).
     */
    public long[] trigrams() {
        return trigrams;
    }

    /** Every number in the text, in order. */
    public double[] numbers() {
        return numbers;
    }

    /** The numbers that read as prices ({@code $24.99}, {@code 30 dollars}, {@code price under 40}). */
    public double[] prices() {
        return prices;
    }

    /** The largest price, or NaN if none: an instruction's budget. */
    public double budget() {
        double max = Double.NaN;
        for (double p : prices) {
            max = Double.isNaN(max) ? p : Math.max(max, p);
        }
        return max;
    }

    /** The first price, or NaN if none: a product's price in its description. */
    public double firstPrice() {
        return prices.length == 0 ? Double.NaN : prices[0];
    }

    /** Whether {@code tokens} (lowercase) occur consecutively in this text. */
    public boolean containsSequence(TextProfile other) {
        int m = other.tokens.length;
        if (m == 0 || m > tokens.length) {
            return false;
        }
        outer:
        for (int i = 0; i + m <= tokens.length; i++) {
            for (int j = 0; j < m; j++) {
                if (tokenHashes[i + j] != other.tokenHashes[j] || !tokens[i + j].equals(other.tokens[j])) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
