package dev.kaizen.core.plugin;

import static java.util.Objects.requireNonNull;

/**
 * An extension instance and where it came from.
 *
 * @param extension the instance
 * @param origin the plugin id, {@code core} for core's own parts, or {@code classpath} for other
 *     extensions found on the application classpath
 * @param <T> the extension point
 */
public record LoadedExtension<T>(T extension, String origin) {

    /** The origin of core's own parts. */
    public static final String CORE = "core";
    /** The origin of other extensions on the application classpath. */
    public static final String CLASSPATH = "classpath";

    public LoadedExtension {
        requireNonNull(extension, "extension is null");
        requireNonNull(origin, "origin is null");
    }
}
