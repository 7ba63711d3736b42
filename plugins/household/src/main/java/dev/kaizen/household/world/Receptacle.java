package dev.kaizen.household.world;

import static java.util.Objects.requireNonNull;

/**
 * One receptacle of a layout, e.g. {@code cabinet 2}.
 *
 * @param type its type's name
 * @param number its number among the receptacles of its type, from 1
 * @param openable whether it opens and closes
 */
public record Receptacle(String type, int number, boolean openable) {

    public Receptacle {
        requireNonNull(type, "type is null");
        if (number < 1) {
            throw new IllegalArgumentException("number must be >= 1, got " + number);
        }
    }

    /** How observations and actions name it, e.g. {@code cabinet 2}. */
    public String name() {
        return type + " " + number;
    }

    @Override
    public String toString() {
        return name();
    }
}
