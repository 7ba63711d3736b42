package dev.kaizen.core.registry;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.ComponentFactory;

/**
 * A factory the registry knows.
 *
 * @param kind its kind
 * @param factory the factory; its {@code name()} is the recipe name
 * @param origin the plugin id it came from, {@code core} or {@code classpath}
 */
public record RegisteredComponent(ComponentKind kind, ComponentFactory<?, ?> factory, String origin) {

    public RegisteredComponent {
        requireNonNull(kind, "kind is null");
        requireNonNull(factory, "factory is null");
        requireNonNull(origin, "origin is null");
    }

    /** The recipe name. */
    public String name() {
        return factory.name();
    }

    /** The config record. */
    public Class<?> configType() {
        return factory.configType();
    }
}
