package dev.kaizen.eto;

import dev.kaizen.api.ComponentConfig;
import dev.kaizen.api.ComponentContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-iteration values for fields of a part's config, e.g. {@code {beta: [0.1, 0.5]}}: iteration
 * {@code i} (from 1) uses the {@code i}-th value of each list, or the list's last value once the list
 * is exhausted. Keys are the part's field names, dotted for nested fields, as in {@code --set}.
 * Immutable and thread-safe.
 */
public final class Schedule {

    private final String field;
    private final Map<String, List<Object>> values;

    /**
     * @param field where the schedule sits in the recipe, for error messages (e.g. {@code method.schedule})
     * @param values the lists of values by field name; each list non-empty, no null values
     * @throws IllegalArgumentException naming the offending key
     */
    public Schedule(String field, Map<String, List<Object>> values) {
        this.field = field;
        Map<String, List<Object>> copy = new TreeMap<>();
        values.forEach((key, list) -> {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException(field + " has a blank key; keys are field names of the scheduled part");
            }
            if (list == null || list.isEmpty()) {
                throw new IllegalArgumentException(field + "." + key + " must list at least one value (one per iteration,"
                        + " the last repeating), got " + list);
            }
            if (list.stream().anyMatch(v -> v == null)) {
                throw new IllegalArgumentException(field + "." + key + " must not contain null values, got " + list);
            }
            copy.put(key, List.copyOf(list));
        });
        this.values = java.util.Collections.unmodifiableMap(copy);
    }

    /** The field values for iteration {@code iteration} (from 1), by field name. */
    public Map<String, Object> at(int iteration) {
        if (iteration < 1) {
            throw new IllegalArgumentException("iteration must be >= 1, got " + iteration);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((key, list) -> out.put(key, list.get(Math.min(iteration, list.size()) - 1)));
        return out;
    }

    /** Whether the schedule changes nothing. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * {@code config} with iteration {@code iteration}'s values applied through the host.
     *
     * @throws IllegalArgumentException if a key names no field of the config or a value is not allowed
     */
    public <C extends ComponentConfig<?>> C apply(ComponentContext context, C config, int iteration) {
        if (values.isEmpty()) {
            return config;
        }
        Map<String, Object> fields = at(iteration);
        try {
            return context.override(config, fields);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " at iteration " + iteration + " sets " + fields
                    + ", which the part " + describe(config) + " does not accept: " + e.getMessage(), e);
        }
    }

    /** Applies every iteration's values once, so that a bad schedule fails before any work is done. */
    public <C extends ComponentConfig<?>> List<C> validate(ComponentContext context, C config, int iterations) {
        List<C> out = new ArrayList<>(iterations);
        for (int i = 1; i <= iterations; i++) {
            out.add(apply(context, config, i));
        }
        return out;
    }

    private static String describe(ComponentConfig<?> config) {
        return "'" + config.getClass().getSimpleName() + "'";
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
