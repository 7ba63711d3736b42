package dev.kaizen.household.world;

import static java.util.Objects.requireNonNull;

/**
 * One object of a world, e.g. {@code mug 2}.
 *
 * @param spec its type
 * @param number its number among the objects of its type in the world, from 1
 */
public record Item(ObjectSpec spec, int number) {

    public Item {
        requireNonNull(spec, "spec is null");
        if (number < 1) {
            throw new IllegalArgumentException("number must be >= 1, got " + number);
        }
    }

    /** Its type's name. */
    public String type() {
        return spec.name();
    }

    /** How observations and actions name it, e.g. {@code mug 2}. */
    public String name() {
        return spec.name() + " " + number;
    }

    @Override
    public String toString() {
        return name();
    }
}
