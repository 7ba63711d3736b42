package dev.kaizen.djl.config;

/**
 * Checks for config fields. Each throws {@link IllegalArgumentException} naming the field, the value
 * given and what is allowed.
 */
public final class Fields {

    private Fields() {
    }

    /** {@code low <= value <= high}. */
    public static void range(String field, int value, int low, int high) {
        if (value < low || value > high) {
            throw new IllegalArgumentException(field + " must be between " + low + " and " + high + ", got " + value);
        }
    }

    /** {@code value > 0}, finite. */
    public static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number > 0, got " + value);
        }
    }

    /** {@code value >= 0}, finite. */
    public static void nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number >= 0, got " + value);
        }
    }

    /** {@code low <= value <= high}. */
    public static void range(String field, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException(field + " must be between " + low + " and " + high + ", got " + value);
        }
    }
}
