package dev.kaizen.rememberer.memory.index;

import java.util.Map;

/**
 * The user data written into every commit of a memory index, live or checkpoint: the format
 * marker, and the counters the records alone do not give (the next record id, the update clock).
 */
final class CommitData {

    /** Written into every commit; a directory without it is not a memory. */
    static final String FORMAT = "kaizen-lucene-memory/1";

    private static final String DATA_FORMAT = "format";
    private static final String DATA_NEXT_ID = "nextId";
    private static final String DATA_CLOCK = "clock";

    private CommitData() {
    }

    /** The data of a commit made with these counters. */
    static Iterable<Map.Entry<String, String>> of(long nextId, long clock) {
        return Map.of(DATA_FORMAT, FORMAT, DATA_NEXT_ID, Long.toString(nextId),
                DATA_CLOCK, Long.toString(clock)).entrySet();
    }

    /**
     * Checks that a commit's data marks a memory.
     *
     * @param where the index, for the message
     * @throws IllegalArgumentException if it does not
     */
    static void requireMemory(Map<String, String> data, String where) {
        if (!FORMAT.equals(data.get(DATA_FORMAT))) {
            throw new IllegalArgumentException(where + " holds a Lucene index that is not a memory (format '"
                    + data.get(DATA_FORMAT) + "', expected '" + FORMAT + "'); point it to a new or empty directory");
        }
    }

    /** The next record id stored in a commit's data; {@code fallback} if absent or unreadable. */
    static long nextId(Map<String, String> data, long fallback) {
        return parse(data.get(DATA_NEXT_ID), fallback);
    }

    /** The update clock stored in a commit's data; {@code fallback} if absent or unreadable. */
    static long clock(Map<String, String> data, long fallback) {
        return parse(data.get(DATA_CLOCK), fallback);
    }

    private static long parse(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
