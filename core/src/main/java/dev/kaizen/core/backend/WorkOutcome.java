package dev.kaizen.core.backend;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.api.search.SearchResult;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.core.BadInputException;
import dev.kaizen.core.backend.codec.RecordReader;
import dev.kaizen.core.backend.codec.RecordWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a piece produced: its trajectories (a rollout) or search results (a search), what its
 * episodes cost, the metrics and notices its parts recorded; or why it failed.
 *
 * @param trajectories a rollout's trajectories, in the piece's task order; empty for a search
 * @param results a search's results, in the piece's task order; empty for a rollout
 * @param totals the piece's episodes, engine steps and errored episodes, for the run's totals
 * @param events the metric events its parts recorded, in order
 * @param notices the notices its parts gave
 * @param failure why the piece failed, or null
 */
public record WorkOutcome(List<Trajectory> trajectories, List<SearchResult> results, Totals totals,
                          List<Event> events, List<String> notices, Failure failure) {

    private static final int COMPLETE = 0;
    private static final int FAILED = 1;
    private static final int HANDED_OVER = 2;

    public WorkOutcome {
        trajectories = List.copyOf(requireNonNull(trajectories, "trajectories is null"));
        results = List.copyOf(requireNonNull(results, "results is null"));
        requireNonNull(totals, "totals is null");
        events = List.copyOf(requireNonNull(events, "events is null"));
        notices = List.copyOf(requireNonNull(notices, "notices is null"));
    }

    /** A failed piece. */
    public static WorkOutcome failed(Failure failure) {
        return new WorkOutcome(List.of(), List.of(), new Totals(0, 0, 0), List.of(), List.of(),
                requireNonNull(failure, "failure is null"));
    }

    /**
     * Engine counts of a piece.
     *
     * @param episodes episodes the engine ran
     * @param steps steps it took
     * @param errors episodes that errored
     */
    public record Totals(long episodes, long steps, long errors) {
    }

    /**
     * A metric event.
     *
     * @param event its name
     * @param fields its fields as a JSON object
     */
    public record Event(String event, String fields) {

        public Event {
            requireNonNull(event, "event is null");
            requireNonNull(fields, "fields is null");
        }
    }

    /**
     * Why a piece failed, as the exception that would have ended the request in this process.
     *
     * @param type which exception: {@code bad-input}, {@code incompatible}, {@code argument},
     *     {@code unsupported} or {@code state}
     * @param message its message
     */
    public record Failure(String type, String message) {

        public Failure {
            requireNonNull(type, "type is null");
            requireNonNull(message, "message is null");
        }

        /** The failure of {@code thrown}, with {@code prefix} before its message. */
        public static Failure of(Throwable thrown, String prefix) {
            String message = prefix + (thrown.getMessage() == null ? thrown.toString() : thrown.getMessage());
            if (thrown instanceof BadInputException) {
                return new Failure("bad-input", message);
            }
            if (thrown instanceof IncompatiblePartsException) {
                return new Failure("incompatible", message);
            }
            if (thrown instanceof IllegalArgumentException) {
                return new Failure("argument", message);
            }
            if (thrown instanceof UnsupportedOperationException) {
                return new Failure("unsupported", message);
            }
            if (thrown instanceof LinkageError) {
                return new Failure("state", prefix + "a plugin's classes could not link: " + thrown);
            }
            return new Failure("state", message);
        }

        /** The exception to throw on the driver: of the same kind, with the same message. */
        public RuntimeException exception() {
            return switch (type) {
                case "bad-input" -> new BadInputException(message);
                case "incompatible" -> new IncompatiblePartsException(message);
                case "argument" -> new IllegalArgumentException(message);
                case "unsupported" -> new UnsupportedOperationException(message);
                default -> new IllegalStateException(message);
            };
        }
    }

    /** This outcome as bytes. */
    public byte[] encode() {
        RecordWriter out = new RecordWriter();
        out.count(failure != null ? FAILED : COMPLETE);
        if (failure != null) {
            out.string(failure.type());
            out.string(failure.message());
            return out.toByteArray();
        }
        out.trajectories(trajectories);
        out.searchResults(results);
        out.number(totals.episodes());
        out.number(totals.steps());
        out.number(totals.errors());
        out.count(events.size());
        for (Event event : events) {
            out.string(event.event());
            out.string(event.fields());
        }
        out.strings(notices);
        return out.toByteArray();
    }

    /**
     * Leaves this outcome in this JVM under {@code key}, for the driver in the same JVM, and returns
     * the bytes that stand for it.
     */
    public byte[] handOver(String key) {
        ExecutorParts.leave(key, this);
        RecordWriter out = new RecordWriter();
        out.count(HANDED_OVER);
        out.string(key);
        return out.toByteArray();
    }

    /**
     * The outcome {@code bytes} stand for: read from them, or taken from this JVM where an executor in
     * it left the outcome ({@link #handOver}).
     */
    public static WorkOutcome decode(byte[] bytes) {
        RecordReader in = new RecordReader(bytes);
        int kind = in.count();
        if (kind == HANDED_OVER) {
            return ExecutorParts.take(in.string());
        }
        if (kind == FAILED) {
            return failed(new Failure(in.string(), in.string()));
        }
        List<Trajectory> trajectories = in.trajectories();
        List<SearchResult> results = in.searchResults();
        Totals totals = new Totals(in.longNumber(), in.longNumber(), in.longNumber());
        int n = in.count();
        List<Event> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(new Event(in.string(), in.string()));
        }
        return new WorkOutcome(trajectories, results, totals, events, in.strings(), null);
    }
}
