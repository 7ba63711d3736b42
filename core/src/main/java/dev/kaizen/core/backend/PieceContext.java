package dev.kaizen.core.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.rollout.Rollouts;
import dev.kaizen.core.recipe.ConfigBinder;
import dev.kaizen.core.rollout.ProgressDisplay;
import dev.kaizen.core.run.HostComponentContext;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The component context of the parts an executor builds for one piece (its search and critic): the
 * recipe's seed, the piece's engine, no run directory, and the metrics and notices they record kept
 * for the driver, which writes them into the run. Thread-safe.
 */
final class PieceContext extends HostComponentContext {

    private final List<String> notices;

    /**
     * @param metrics where the parts' metric events go ({@link #collecting})
     * @param notices receives the notices (a synchronized list)
     */
    PieceContext(long seed, ConfigBinder binder, Rollouts rollouts, MetricsSink metrics, List<String> notices) {
        super(seed, null, metrics, ProgressDisplay.none(), binder, rollouts);
        this.notices = notices;
    }

    /** A context for parts kept across pieces (environments, policies): what they record is dropped. */
    static HostComponentContext building(long seed, ConfigBinder binder) {
        return new HostComponentContext(seed, null, MetricsSink.DISCARD, ProgressDisplay.none(), binder, null);
    }

    /** A sink that keeps each event, its fields written as JSON, in {@code events} (a synchronized list). */
    static MetricsSink collecting(ConfigBinder binder, List<WorkOutcome.Event> events) {
        return (event, fields) -> {
            try {
                events.add(new WorkOutcome.Event(event, binder.json().writeValueAsString(fields)));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("metric event '" + event + "' cannot be written as JSON", e);
            }
        };
    }

    @Override
    public void notice(String message) {
        if (!notices.contains(message)) {
            notices.add(message);
        }
    }
}
