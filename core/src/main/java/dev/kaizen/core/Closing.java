package dev.kaizen.core;

/** Closing what a run or an executor no longer needs. */
public final class Closing {

    private Closing() {
    }

    /** Closes {@code closeable} if it is not null, ignoring what closing throws (best effort). */
    public static void quietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // closing is best effort: what it was used for has already ended
        }
    }
}
