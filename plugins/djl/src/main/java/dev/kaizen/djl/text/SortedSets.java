package dev.kaizen.djl.text;

import java.util.Arrays;

/**
 * Sets of hashes held as sorted arrays of distinct values (stem hashes, trigram fingerprints):
 * making one, and counting what two of them share. Stateless.
 */
public final class SortedSets {

    /** Above this ratio of lengths, intersections look the shorter array's values up by binary search. */
    private static final int LOPSIDED = 8;

    private SortedSets() {
    }

    /** {@code values} sorted with repeats dropped (sorts {@code values} in place). */
    static long[] of(long[] values) {
        Arrays.sort(values);
        int u = 0;
        for (int i = 0; i < values.length; i++) {
            if (i == 0 || values[i] != values[i - 1]) {
                values[u++] = values[i];
            }
        }
        return Arrays.copyOf(values, u);
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

    /** {@link #common} by looking each of the few values up in the many. */
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

    /** Whether a sorted distinct array contains {@code value}. */
    public static boolean has(long[] sorted, long value) {
        return Arrays.binarySearch(sorted, value) >= 0;
    }
}
