package dev.kaizen.api;

import java.util.Map;

/**
 * Receives metric events. The host appends each as one JSON line to the run's
 * {@code metrics.jsonl}, with the event name and a timestamp added. Thread-safe.
 */
@FunctionalInterface
public interface MetricsSink {

    /** A sink that drops everything. */
    MetricsSink DISCARD = (event, fields) -> { };

    /**
     * Records one event.
     *
     * @param event a kebab-case name, e.g. {@code "dpo-epoch"}
     * @param fields values that Jackson can write (numbers, strings, booleans, lists, maps)
     */
    void record(String event, Map<String, ?> fields);
}
