package dev.kaizen.sweep.bench;

import dev.kaizen.api.MetricsSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code backend-request} events of a benchmark's distributed requests, summed. Thread-safe. */
final class BackendRequests implements MetricsSink {

    private static final List<String> SUMMED = List.of("stateBytes", "pieceBytes", "outcomeBytes", "snapshotSeconds");

    private final List<Map<String, ?>> events = new ArrayList<>();

    @Override
    public synchronized void record(String event, Map<String, ?> fields) {
        if (event.equals("backend-request")) {
            events.add(Map.copyOf(fields));
        }
    }

    synchronized void clear() {
        events.clear();
    }

    /** Each summed field per task, over {@code rounds} requests of {@code tasks} tasks; the state's bytes once. */
    synchronized Map<String, Object> perTask(int tasks, int rounds) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (String field : SUMMED) {
            double total = events.stream().mapToDouble(e -> ((Number) e.get(field)).doubleValue()).sum();
            if (field.equals("stateBytes")) {
                figures.put("stateBytes", events.isEmpty() ? 0 : ((Number) events.get(0).get(field)).longValue());
            } else {
                figures.put(field + "PerTask", total / ((double) tasks * rounds));
            }
        }
        figures.put("piecesPerRequest", events.isEmpty() ? 0 : events.get(0).get("partitions"));
        figures.put("handedOver", !events.isEmpty() && Boolean.TRUE.equals(events.get(0).get("handedOver")));
        return figures;
    }
}
