package dev.kaizen.api;

/**
 * Reports progress of long work to the person watching. Closing it finishes the report.
 * Not required to be thread-safe; report from one thread.
 */
public interface ProgressReporter extends AutoCloseable {

    /** A reporter that shows nothing. */
    ProgressReporter SILENT = new ProgressReporter() {
        @Override
        public void advance(long units) {
        }

        @Override
        public void message(String message) {
        }
    };

    /** Marks {@code units} more of the total as done. */
    void advance(long units);

    /** Shows a short status message next to the progress (e.g. the current loss). */
    void message(String message);

    @Override
    default void close() {
    }
}
