package dev.kaizen.core.backend;

import dev.kaizen.api.ComponentConfig;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The parts the host built from configs, with their configs: what an executor can rebuild. A part
 * a method made itself (a decorator around the recipe's policy, a frozen copy) is not here. Parts
 * are held weakly, so closed and dropped ones are forgotten. Thread-safe.
 */
final class BuiltParts {

    private final Map<Object, ComponentConfig<?>> configs = Collections.synchronizedMap(new WeakHashMap<>());

    /** {@code part} was built from {@code config}. */
    void record(Object part, ComponentConfig<?> config) {
        configs.put(part, config);
    }

    /** {@code view} behaves as {@code part} for everything executors do (the method's view of the environment). */
    void alias(Object view, Object part) {
        config(part).ifPresent(config -> configs.put(view, config));
    }

    /** The config {@code part} was built from, if the host built it. */
    Optional<ComponentConfig<?>> config(Object part) {
        return Optional.ofNullable(configs.get(part));
    }
}
