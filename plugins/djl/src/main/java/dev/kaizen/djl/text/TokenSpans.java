package dev.kaizen.djl.text;

import java.util.Arrays;

/**
 * Where the tokens of a lowercase text are, and the punctuation and {@code $} signs before each.
 * A token is a maximal run of letters and digits, keeping inner {@code -} and {@code '} between
 * letters or digits ({@code x-large}, {@code don't}, {@code 2024-05-01}), and between digits the
 * characters {@link NumberTokens#joins} accepts ({@code 24.99}, {@code 7:30}, {@code 5/1/2024},
 * {@code 1,250}). A token has a boundary before it when punctuation ({@code , ; : . ! ? ( )}, a line
 * break, {@code |}, {@code [} or {@code ]}) separates it from the previous token.
 *
 * @param starts each token's first character
 * @param ends each token's end (exclusive)
 * @param boundaryBefore whether punctuation separates each token from the one before it
 * @param dollarBefore whether a {@code $} sign stands right before each token
 */
record TokenSpans(int[] starts, int[] ends, boolean[] boundaryBefore, boolean[] dollarBefore) {

    /** The tokens of {@code chars}, a lowercase text. */
    static TokenSpans scan(char[] chars) {
        int capacity = 16;
        int[] spanStarts = new int[capacity];
        int[] spanEnds = new int[capacity];
        boolean[] boundaries = new boolean[capacity];
        boolean[] dollars = new boolean[capacity];
        int count = 0;
        boolean boundary = false;
        boolean dollar = false;
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
        return new TokenSpans(Arrays.copyOf(spanStarts, count), Arrays.copyOf(spanEnds, count),
                Arrays.copyOf(boundaries, count), Arrays.copyOf(dollars, count));
    }

    /** {@link Character#isLetterOrDigit(char)}, with a shortcut for ASCII. */
    private static boolean letterOrDigit(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
        }
        return Character.isLetterOrDigit(c);
    }

    /** The number of tokens. */
    int count() {
        return starts.length;
    }
}
