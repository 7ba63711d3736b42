package dev.kaizen.core.rollout;

import dev.kaizen.api.ProgressReporter;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows progress of long work: a progress bar on an interactive terminal, a plain line every
 * {@value #LINE_INTERVAL_SECONDS} seconds otherwise (logs, CI), or nothing. Thread-safe; each
 * reporter it starts is used from one thread.
 */
public final class ProgressDisplay {

    /** How progress is shown. */
    public enum Mode {
        /** Nothing. */
        NONE,
        /** An in-place bar (interactive terminals). */
        BAR,
        /** A line now and then (logs). */
        LINES
    }

    static final long LINE_INTERVAL_SECONDS = 10;

    private final Mode mode;
    private final PrintStream out;

    public ProgressDisplay(Mode mode, PrintStream out) {
        this.mode = mode;
        this.out = out;
    }

    /** A display that shows nothing. */
    public static ProgressDisplay none() {
        return new ProgressDisplay(Mode.NONE, System.err);
    }

    /** Starts reporting work of {@code total} units. */
    public ProgressReporter start(String label, long total) {
        return switch (mode) {
            case NONE -> ProgressReporter.SILENT;
            case BAR -> new Bar(new ProgressBarBuilder().setTaskName(label).setInitialMax(Math.max(total, 1))
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(out)).continuousUpdate().build());
            case LINES -> new Lines(label, total, out);
        };
    }

    private record Bar(ProgressBar bar) implements ProgressReporter {
        @Override
        public void advance(long units) {
            bar.stepBy(units);
        }

        @Override
        public void message(String message) {
            bar.setExtraMessage(" " + message);
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    private static final class Lines implements ProgressReporter {
        private final String label;
        private final long total;
        private final PrintStream out;
        private final long started = System.nanoTime();
        private long last = started;
        private long done;
        private String message = "";

        Lines(String label, long total, PrintStream out) {
            this.label = label;
            this.total = total;
            this.out = out;
        }

        @Override
        public void advance(long units) {
            done += units;
            long now = System.nanoTime();
            if (now - last >= LINE_INTERVAL_SECONDS * 1_000_000_000L) {
                last = now;
                out.printf(Locale.ROOT, "%s: %d/%d (%.0f%%) after %.0f s%s%n", label, done, total,
                        total == 0 ? 100.0 : 100.0 * done / total, (now - started) / 1e9,
                        message.isEmpty() ? "" : ", " + message);
            }
        }

        @Override
        public void message(String text) {
            this.message = text;
        }
    }
}
