package dev.kaizen.djl.features;

import java.util.Arrays;

/**
 * A set of values for membership tests in constant time: an open-addressing table at most a quarter
 * full, probed linearly from the low bits of the values. Filled once, then only read; not shared
 * between threads.
 */
final class ValueTable {

    private final long[] table;
    private final boolean[] used;
    private final int mask;

    /** An empty table for at most {@code values} values. */
    ValueTable(int values) {
        int size = Integer.highestOneBit(Math.max(4, values) * 4 - 1) << 1;
        table = new long[size];
        used = new boolean[size];
        mask = size - 1;
    }

    /** A table of {@code values}. */
    static ValueTable of(long[] values) {
        ValueTable out = new ValueTable(values.length);
        for (long v : values) {
            out.add(v);
        }
        return out;
    }

    /** Adds {@code v} (once, however often it is added). */
    void add(long v) {
        int i = (int) v & mask;
        while (used[i] && table[i] != v) {
            i = (i + 1) & mask;
        }
        table[i] = v;
        used[i] = true;
    }

    /** Whether {@code v} is in the table. */
    boolean contains(long v) {
        int i = (int) v & mask;
        while (used[i]) {
            if (table[i] == v) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    /** How many of {@code values} (distinct) are in the table. */
    int count(long[] values) {
        int c = 0;
        for (long v : values) {
            if (contains(v)) {
                c++;
            }
        }
        return c;
    }

    /** How many of {@code values} (distinct) are in the table and not in {@code sorted}. */
    int countOutside(long[] values, long[] sorted) {
        int c = 0;
        for (long v : values) {
            if (contains(v) && Arrays.binarySearch(sorted, v) < 0) {
                c++;
            }
        }
        return c;
    }
}
