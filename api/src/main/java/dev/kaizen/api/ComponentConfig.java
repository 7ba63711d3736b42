package dev.kaizen.api;

/**
 * Marker for the configuration of a part that builds a {@code T}.
 *
 * <p>Each kind of part has its own config base type ({@code EnvironmentConfig},
 * {@code PolicyConfig}, ...) that extends this interface and carries the Jackson
 * {@code "type"} discriminator. Implementations are records that fill defaults for null fields
 * in their compact constructor and validate their values there, throwing
 * {@link IllegalArgumentException} with a message that names the field and what is allowed.
 * Unknown properties are rejected by the host.
 *
 * <p>Configs are immutable and thread-safe.
 *
 * @param <T> the runtime type this config builds, e.g. {@code Environment}
 */
public interface ComponentConfig<T> {
}
