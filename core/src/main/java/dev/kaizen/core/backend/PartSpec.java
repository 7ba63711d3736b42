package dev.kaizen.core.backend;

import static java.util.Objects.requireNonNull;

import dev.kaizen.core.registry.ComponentKind;

/**
 * How an executor rebuilds a part: from its config and, for a policy with state, the payload that
 * holds the state.
 *
 * @param kind what the part is
 * @param config the part's config as JSON, its {@code type} included
 * @param state the id of the payload holding the part's saved state ({@link dev.kaizen.api.Checkpointable}),
 *     or null for a part rebuilt from its config alone
 */
public record PartSpec(ComponentKind kind, String config, String state) {

    public PartSpec {
        requireNonNull(kind, "kind is null");
        requireNonNull(config, "config is null");
    }
}
