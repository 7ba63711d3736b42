package dev.kaizen.api.env;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Unmodifiable copies of maps that keep the given map's iteration order. {@code Map.copyOf} iterates
 * in an order that changes from one JVM run to the next, so trajectories written from its maps would
 * differ byte for byte between two runs of the same recipe and seed.
 */
final class OrderedMaps {

    private OrderedMaps() {
    }

    /**
     * An unmodifiable copy in {@code map}'s order.
     *
     * @throws NullPointerException naming {@code what} if a key or a value is null
     */
    static Map<String, String> copy(Map<String, String> map, String what) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>(map);
        copy.forEach((key, value) -> {
            requireNonNull(key, () -> what + " has a null key");
            requireNonNull(value, () -> what + " has a null value for '" + key + "'");
        });
        return Collections.unmodifiableMap(copy);
    }
}
