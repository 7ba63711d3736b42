package dev.kaizen.api;

/**
 * Marker for the configuration of a part that builds a {@code T}.
 *
 * <p>Each kind of part has its own config base type ({@code EnvironmentConfig},
 * {@code PolicyConfig}, ...) that extends this interface and carries the Jackson
 * {@code "type"} discriminator. Implementations are records that fill defaults for null fields
 * in their compact constructor and validate their values there, throwing
 * {@link IllegalArgumentException} with a message that names the field and what is allowed.
 * Unknown properties are rejected by the host. A field that holds a secret is marked
 * {@link Secret} (or named like one, e.g. {@code apiKey}), so that the host never writes its value.
 *
 * <p>A field that holds another part (an optimiser inside a method's config, say) cannot default
 * to another plugin's config class in the compact constructor. Declare its default on the record
 * component instead, as YAML: {@code @JsonProperty(defaultValue = "{type: bc}") OptimizerConfig
 * optimizer}. The host fills it in before binding where the field is absent or null, and where the
 * field is an object without a {@code type} (or with the default's) the default's fields fill in
 * the missing ones; the named part's own defaults then follow, and the resolved recipe shows them.
 *
 * <p>Configs are immutable and thread-safe.
 *
 * @param <T> the runtime type this config builds, e.g. {@code Environment}
 */
public interface ComponentConfig<T> {
}
