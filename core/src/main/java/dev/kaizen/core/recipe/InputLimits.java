package dev.kaizen.core.recipe;

import java.util.Locale;

/**
 * How big recipe input may be. The limits are checked before the YAML is scanned where they can
 * be, so an oversized file or value fails at once instead of after minutes of parsing.
 */
public final class InputLimits {

    /** The largest recipe file, in bytes; also the most code points the YAML scanner reads. */
    public static final int MAX_RECIPE_BYTES = 1 << 20;

    /** The longest single value (a string, a field name, a {@code --set} value), in characters. */
    public static final int MAX_VALUE_CHARS = 64 << 10;

    /**
     * The most aliases ({@code *name}) of lists or maps in one document: SnakeYAML's own default,
     * against "billion laughs" documents.
     */
    public static final int MAX_ALIASES_FOR_COLLECTIONS = 50;

    /** The most that aliases may repeat in one document, in characters of values (one more per value). */
    public static final int MAX_REPEATED_CHARS = MAX_RECIPE_BYTES;

    private InputLimits() {
    }

    /** A limit given in bytes as a power-of-two unit, e.g. {@code 1 MiB} or {@code 64 KiB}. */
    public static String binary(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return bytes / (1 << 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return bytes / (1 << 10) + " KiB";
        }
        return bytes + " bytes";
    }

    /** A measured size in decimal units, e.g. {@code 60.0 MB}. */
    public static String size(long bytes) {
        if (bytes < 1_000) {
            return bytes + " bytes";
        }
        if (bytes < 999_950) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        if (bytes < 999_950_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    /** What a value of {@code length} characters exceeds, e.g. for a message after the field path. */
    static String valueTooLong(int length) {
        return "the value is " + length + " characters; a value is at most " + MAX_VALUE_CHARS + " characters ("
                + binary(MAX_VALUE_CHARS) + ")";
    }
}
