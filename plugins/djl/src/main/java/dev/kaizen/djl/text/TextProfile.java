package dev.kaizen.djl.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A text analysed once for matching: lowercase tokens with their offsets and punctuation
 * boundaries, content-word stems, character-trigram fingerprints, numbers and prices. Immutable and
 * thread-safe; build through {@link TextProfiles} to reuse analyses.
 *
 * <p>A token is a maximal run of letters and digits, keeping inner {@code -} and {@code '} between
 * letters or digits ({@code x-large}, {@code don't}, {@code 2024-05-01}), and between digits a
 * decimal point, a colon, a slash or a thousands comma ({@code 24.99}, {@code 7:30},
 * {@code 5/1/2024}, {@code 1,250}): a structured value is one token (see {@link #isNumber}). A
 * token has a boundary before it when punctuation ({@code , ; : . ! ? ( )}) separates it from the
 * previous token.
 */
public final class TextProfile {

    private static final long[] NO_LONGS = new long[0];
    /**
     * Each token's stem hashes, computed once: catalogue words recur on every page. Cleared when
     * full; the results never depend on what is kept. Values are never modified.
     */
    private static final ConcurrentHashMap<String, long[]> TOKEN_STEMS = new ConcurrentHashMap<>();
    private static final int TOKEN_STEMS_CAPACITY = 200_000;
    /** Above this ratio of lengths, intersections look the shorter array's values up by binary search. */
    private static final int LOPSIDED = 8;

    private final String text;
    private final String[] tokens;
    /** Each token's {@link String#hashCode}, to rule out most unequal tokens without comparing them. */
    private final int[] tokenHashes;
    private final int[] starts;
    private final int[] ends;
    private final boolean[] boundaryBefore;
    private final boolean[] dollarBefore;
    private final long[] stems;
    private final int[] trigrams;
    private final double[] numbers;
    private final double[] prices;
    private final boolean[] priceTokens;

    private TextProfile(String text, boolean withTrigrams) {
        this.text = text;
        String lower = text.toLowerCase(Locale.ROOT);
        int capacity = 16;
        int[] spanStarts = new int[capacity];
        int[] spanEnds = new int[capacity];
        boolean[] boundaries = new boolean[capacity];
        boolean[] dollars = new boolean[capacity];
        int count = 0;
        boolean boundary = false;
        boolean dollar = false;
        char[] chars = lower.toCharArray();
        int i = 0;
        int n = chars.length;
        while (i < n) {
            char c = chars[i];
            if (letterOrDigit(c)) {
                int start = i;
                i++;
                while (i < n) {
                    char d = chars[i];
                    if (letterOrDigit(d)) {
                        i++;
                    } else if (i + 1 < n && letterOrDigit(chars[i + 1])
                            && (d == '-' || d == '\'' && Character.isLetter(chars[i - 1])
                            || NumberTokens.joins(chars, i))) {
                        i++;
                    } else {
                        break;
                    }
                }
                if (count == capacity) {
                    capacity *= 2;
                    spanStarts = Arrays.copyOf(spanStarts, capacity);
                    spanEnds = Arrays.copyOf(spanEnds, capacity);
                    boundaries = Arrays.copyOf(boundaries, capacity);
                    dollars = Arrays.copyOf(dollars, capacity);
                }
                spanStarts[count] = start;
                spanEnds[count] = i;
                boundaries[count] = boundary;
                dollars[count] = dollar;
                count++;
                boundary = false;
                dollar = false;
            } else {
                if (c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?' || c == '(' || c == ')'
                        || c == '\n' || c == '|' || c == '[' || c == ']') {
                    boundary = true;
                }
                dollar = c == '$';
                i++;
            }
        }
        tokens = new String[count];
        starts = Arrays.copyOf(spanStarts, count);
        ends = Arrays.copyOf(spanEnds, count);
        boundaryBefore = Arrays.copyOf(boundaries, count);
        dollarBefore = Arrays.copyOf(dollars, count);
        for (int t = 0; t < count; t++) {
            tokens[t] = new String(chars, starts[t], ends[t] - starts[t]);
        }
        this.stems = stemsOf(tokens);
        tokenHashes = new int[count];
        for (int t = 0; t < count; t++) {
            tokenHashes[t] = tokens[t].hashCode();
        }
        this.trigrams = withTrigrams ? trigramsOf(tokens) : new int[0];
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

    /** {@link Character#isLetterOrDigit(char)}, with a shortcut for ASCII. */
    private static boolean letterOrDigit(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
        }
        return Character.isLetterOrDigit(c);
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

    private static long[] stemsOf(String[] tokens) {
        if (tokens.length == 0) {
            return NO_LONGS;
        }
        long[] out = new long[tokens.length * 2 + 4];
        int k = 0;
        for (String token : tokens) {
            long[] hashes = TOKEN_STEMS.get(token);
            if (hashes == null) {
                hashes = tokenStems(token);
                if (TOKEN_STEMS.size() >= TOKEN_STEMS_CAPACITY) {
                    TOKEN_STEMS.clear();
                }
                TOKEN_STEMS.putIfAbsent(token, hashes);
            }
            if (k + hashes.length > out.length) {
                out = Arrays.copyOf(out, out.length * 2 + hashes.length);
            }
            System.arraycopy(hashes, 0, out, k, hashes.length);
            k += hashes.length;
        }
        return sortedUnique(Arrays.copyOf(out, k));
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

    private static int[] trigramsOf(String[] tokens) {
        int total = 0;
        for (String token : tokens) {
            total += token.length() + 1;
        }
        int[] out = new int[total];
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
                out[k++] = (int) mixTrigram(((long) a << 32) ^ ((long) b << 16) ^ c);
            }
        }
        int[] trimmed = Arrays.copyOf(out, k);
        Arrays.sort(trimmed);
        int u = 0;
        for (int i = 0; i < trimmed.length; i++) {
            if (i == 0 || trimmed[i] != trimmed[i - 1]) {
                trimmed[u++] = trimmed[i];
            }
        }
        return Arrays.copyOf(trimmed, u);
    }

    private static long mixTrigram(long v) {
        return dev.kaizen.api.Seeds.mix(v + 0x9E3779B97F4A7C15L);
    }

    private static long[] sortedUnique(long[] values) {
        Arrays.sort(values);
        int u = 0;
        for (int i = 0; i < values.length; i++) {
            if (i == 0 || values[i] != values[i - 1]) {
                values[u++] = values[i];
            }
        }
        return Arrays.copyOf(values, u);
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

    /** Character-trigram fingerprints of the content words, sorted, distinct (empty from {@link #analyseWords}). */
    public int[] trigrams() {
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

    /** The size of the intersection of two sorted distinct arrays. */
    public static int common(long[] a, long[] b) {
        if (a.length > LOPSIDED * b.length) {
            return commonBySearch(b, a);
        }
        if (b.length > LOPSIDED * a.length) {
            return commonBySearch(a, b);
        }
        int i = 0;
        int j = 0;
        int c = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                c++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return c;
    }

    /** The size of the intersection of two sorted distinct arrays. */
    public static int common(int[] a, int[] b) {
        if (a.length > LOPSIDED * b.length) {
            return commonBySearch(b, a);
        }
        if (b.length > LOPSIDED * a.length) {
            return commonBySearch(a, b);
        }
        int i = 0;
        int j = 0;
        int c = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                c++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return c;
    }

    /** {@link #common(long[], long[])} by looking each of the few values up in the many. */
    private static int commonBySearch(long[] few, long[] many) {
        int c = 0;
        int from = 0;
        for (long value : few) {
            int at = Arrays.binarySearch(many, from, many.length, value);
            if (at >= 0) {
                c++;
                from = at + 1;
            } else {
                from = -at - 1;
            }
        }
        return c;
    }

    /** {@link #common(int[], int[])} by looking each of the few values up in the many. */
    private static int commonBySearch(int[] few, int[] many) {
        int c = 0;
        int from = 0;
        for (int value : few) {
            int at = Arrays.binarySearch(many, from, many.length, value);
            if (at >= 0) {
                c++;
                from = at + 1;
            } else {
                from = -at - 1;
            }
        }
        return c;
    }

    /** Whether a sorted distinct array contains {@code value}. */
    public static boolean has(long[] sorted, long value) {
        return Arrays.binarySearch(sorted, value) >= 0;
    }
}
