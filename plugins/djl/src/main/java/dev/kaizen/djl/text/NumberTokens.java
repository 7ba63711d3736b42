package dev.kaizen.djl.text;

/**
 * How numbers are read from text: which characters join digits into one value, and the value of a
 * plain number token. A structured value (a time, a date, a size, a range) is one whole token and
 * not a number, so that its parts never match a plain number. Stateless.
 */
final class NumberTokens {

    private NumberTokens() {
    }

    /**
     * Whether {@code chars[i]} joins the digits around it into one value: a decimal point
     * ({@code 24.99}), a clock time's or ratio's colon ({@code 7:30}), a date's slash
     * ({@code 5/1/2024}), or a thousands separator ({@code 1,250}: a comma before exactly three
     * digits).
     */
    static boolean joins(char[] chars, int i) {
        char d = chars[i];
        if (!Character.isDigit(chars[i - 1]) || !Character.isDigit(chars[i + 1])) {
            return false;
        }
        if (d == '.' || d == ':' || d == '/') {
            return true;
        }
        return d == ',' && i + 3 < chars.length && Character.isDigit(chars[i + 2]) && Character.isDigit(chars[i + 3])
                && (i + 4 == chars.length || !Character.isDigit(chars[i + 4]));
    }

    /**
     * The value of a plain number token ({@code 7}, {@code 24.99}, {@code 1,250.00}); NaN for any other
     * token, structured values included: a time ({@code 7:30}), a date ({@code 2024-05-01},
     * {@code 5/1/2024}), a size ({@code 2x4}) or a range ({@code 10-20}) is one whole token, never the
     * numbers inside it, so that a quantity of 7 does not match the time 7:30.
     */
    static double value(String token) {
        char first = token.charAt(0);
        if (!Character.isDigit(first)) {
            return Double.NaN;
        }
        boolean grouped = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            grouped |= c == ',';
            if (!Character.isDigit(c) && c != '.' && c != ',') {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(grouped ? token.replace(",", "") : token);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
