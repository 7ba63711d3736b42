package dev.kaizen.household.world;

import static java.util.Objects.requireNonNull;

/**
 * A kind of receptacle in the vocabulary, e.g. {@code cabinet}.
 *
 * @param name the type name, one lowercase word (it is also how tasks and actions name it)
 * @param openable whether it opens and closes (its contents are hidden while it is closed; default false)
 */
public record ReceptacleSpec(String name, Boolean openable) {

    public ReceptacleSpec {
        requireNonNull(name, "name is null");
        openable = openable != null && openable;
    }
}
