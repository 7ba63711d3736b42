package dev.kaizen.core.backend;

import static java.util.Objects.requireNonNull;

/**
 * Data that pieces of work share, such as a policy's saved state.
 *
 * @param id names the content: equal ids hold equal bytes, so a backend ships an id once
 * @param bytes the content; not copied (the caller does not change it)
 */
public record Payload(String id, byte[] bytes) {

    public Payload {
        requireNonNull(id, "id is null");
        requireNonNull(bytes, "bytes is null");
    }
}
