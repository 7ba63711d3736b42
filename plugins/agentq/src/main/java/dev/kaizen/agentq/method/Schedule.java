package dev.kaizen.agentq.method;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-iteration values of a part's config fields, e.g. {@code {beta: [0.1, 0.5]}}: iteration {@code i}
 * (from 1) takes the {@code i}-th value of each list, or the list's last value once it is exhausted.
 * Keys are field names, dotted for nested fields, as in {@code --set}. Immutable.
 */
final class Schedule {

    private final Map<String, List<Object>> values;

    /**
     * @param field where the schedule sits in the recipe, for messages
     * @throws IllegalArgumentException naming the key that is wrong
     */
    Schedule(String field, Map<String, List<Object>> values) {
        Map<String, List<Object>> copy = new TreeMap<>();
        values.forEach((key, list) -> {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException(field + " has a blank key; keys are field names of the optimizer");
            }
            if (list == null || list.isEmpty()) {
                throw new IllegalArgumentException(field + "." + key + " must list at least one value (one per"
                        + " iteration, the last repeating), got " + list);
            }
            if (list.stream().anyMatch(v -> v == null)) {
                throw new IllegalArgumentException(field + "." + key + " must not contain null values, got " + list);
            }
            copy.put(key, List.copyOf(list));
        });
        this.values = copy;
    }

    /** The values for iteration {@code iteration} (from 1), by field name. */
    Map<String, Object> at(int iteration) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((key, list) -> out.put(key, list.get(Math.min(iteration, list.size()) - 1)));
        return out;
    }

    boolean isEmpty() {
        return values.isEmpty();
    }
}
