package dev.kaizen.djl.text;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values computed from keys that recur (texts, tokens, action texts, instructions), each computed
 * on a miss and kept; when the cache holds {@code capacity} values it is cleared. Results never
 * depend on what is kept, as a value depends on its key only. Thread-safe; threads that miss at
 * once may each compute the value.
 *
 * @param <K> the key
 * @param <V> the value computed from it
 */
public final class BoundedCache<K, V> {

    private final ConcurrentHashMap<K, V> values = new ConcurrentHashMap<>();
    private final int capacity;

    /** A cache holding at most {@code capacity} values. */
    public BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** The value of {@code key}: the kept one, or {@code compute}'s, which is then kept. */
    public V get(K key, Function<? super K, ? extends V> compute) {
        V value = values.get(key);
        if (value != null) {
            return value;
        }
        value = compute.apply(key);
        if (values.size() >= capacity) {
            values.clear();
        }
        values.putIfAbsent(key, value);
        return value;
    }
}
