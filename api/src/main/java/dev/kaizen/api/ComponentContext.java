package dev.kaizen.api;

import dev.kaizen.api.rollout.Rollouts;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the host offers to parts: seeded random streams, the run directory, a metrics sink, a way
 * to build other parts from config, and the rollout service.
 *
 * <p>Every method is a {@code default} so that the host can grow this interface without breaking
 * plugins; methods a given host does not offer throw {@link UnsupportedOperationException}.
 * Implementations are thread-safe.
 *
 * <h2>Determinism</h2>
 * Parts must draw every random number from seeds obtained here or passed in a call (never from
 * {@code new Random()} or the clock), so that the same recipe and seed give the same numbers,
 * also when a run is resumed. Prefer deriving a seed per call (from a seed in the request)
 * over holding one random stream for the part's lifetime.
 */
public interface ComponentContext {

    /** The recipe's root seed. */
    default long seed() {
        throw new UnsupportedOperationException("this host offers no seed");
    }

    /** A seed for a named stream, derived deterministically from {@link #seed()}. */
    default long seed(String stream) {
        return Seeds.derive(seed(), stream);
    }

    /** A fresh random generator for a named stream; the same name always gives the same sequence. */
    default SplittableRandom random(String stream) {
        return new SplittableRandom(seed(stream));
    }

    /** The run directory, where parts may keep files of their own under a folder named after them. */
    default Path runDirectory() {
        throw new UnsupportedOperationException("this host has no run directory");
    }

    /** Where parts report metrics (losses, counts); lines land in the run's {@code metrics.jsonl}. */
    default MetricsSink metrics() {
        return MetricsSink.DISCARD;
    }

    /** A progress reporter for long work; closing it ends the bar. */
    default ProgressReporter progress(String label, long total) {
        return ProgressReporter.SILENT;
    }

    /**
     * Builds another part from its config, through the factory registered under the config's
     * type. The caller owns the result.
     */
    default <T> T create(ComponentConfig<T> config) {
        throw new UnsupportedOperationException("this host cannot build parts");
    }

    /**
     * Reads a config of the given kind from plain values, as a recipe would: {@code fields} must
     * hold {@code "type"}; defaults are filled and unknown fields are rejected.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    default <C extends ComponentConfig<?>> C config(Class<C> kind, Map<String, ?> fields) {
        throw new UnsupportedOperationException("this host cannot read configs");
    }

    /**
     * Returns a copy of {@code config} with some fields replaced. Keys are field names, dotted
     * for nested fields ({@code "optimizer.beta"}), as in {@code --set}; used for schedules such
     * as a per-iteration {@code beta}.
     *
     * @throws IllegalArgumentException if a key names no field
     */
    default <C extends ComponentConfig<?>> C override(C config, Map<String, ?> fields) {
        throw new UnsupportedOperationException("this host cannot override configs");
    }

    /**
     * Tells the person running Kaizen, once, that a part changed a setting or could not honour it
     * (e.g. {@code method.demonstrations} capped to the training tasks the environment has). The host
     * prints it on stderr and records it; by default it is dropped.
     */
    default void notice(String message) {
    }

    /**
     * {@code requested}, or {@code available} if that is smaller, with a {@link #notice} saying so.
     *
     * @param field the recipe field that asked, e.g. {@code method.demonstrations}
     * @param what what {@code available} counts, e.g. {@code training tasks}
     */
    default int capped(String field, int requested, int available, String what) {
        if (requested > available) {
            notice(field + " is " + requested + ", but the environment has " + available + " " + what + "; using "
                    + available);
            return available;
        }
        return requested;
    }

    /** The host's batched rollout engine. */
    default Rollouts rollouts() {
        throw new UnsupportedOperationException("this host has no rollout engine");
    }
}
