package dev.kaizen.djl.text;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A free-text filler built from spans of an instruction, copied verbatim (lowercase) and joined by
 * spaces in instruction order.
 *
 * @param text the filler
 * @param starts the first token of each span in the instruction
 * @param ends one past the last token of each span
 */
public record SpanQuery(String text, int[] starts, int[] ends) {

    public SpanQuery {
        requireNonNull(text, "text is null");
        starts = starts.clone();
        ends = ends.clone();
        if (starts.length != ends.length || starts.length == 0) {
            throw new IllegalArgumentException("a span query needs as many starts as ends, at least one");
        }
    }

    /** The number of spans. */
    public int spans() {
        return starts.length;
    }

    /** The number of instruction tokens it copies. */
    public int words() {
        int words = 0;
        for (int i = 0; i < starts.length; i++) {
            words += ends[i] - starts[i];
        }
        return words;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpanQuery q && q.text.equals(text) && Arrays.equals(q.starts, starts)
                && Arrays.equals(q.ends, ends);
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 31 + Arrays.hashCode(starts) * 17 + Arrays.hashCode(ends);
    }

    @Override
    public String toString() {
        return text;
    }
}
