package dev.kaizen.api;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Unmodifiable copies of maps that keep the given map's iteration order. {@code Map.copyOf} iterates
 * in an order that changes from one JVM run to the next, so files written from its maps (trajectories,
 * metrics, stage records) would differ byte for byte between two runs of the same recipe and seed.
 */
public final class OrderedMaps {

    private OrderedMaps() {
    }

    /**
     * An unmodifiable copy in {@code map}'s order.
     *
     * @param what what the map is, for the messages
     * @throws NullPointerException naming {@code what} if the map, a key or a value is null
     */
    public static <K, V> Map<K, V> copy(Map<K, V> map, String what) {
        requireNonNull(map, () -> what + " is null");
        if (map.isEmpty()) {
            return Map.of();
        }
        Map<K, V> copy = new LinkedHashMap<>(map);
        copy.forEach((key, value) -> {
            requireNonNull(key, () -> what + " has a null key");
            requireNonNull(value, () -> what + " has a null value for '" + key + "'");
        });
        return Collections.unmodifiableMap(copy);
    }
}
