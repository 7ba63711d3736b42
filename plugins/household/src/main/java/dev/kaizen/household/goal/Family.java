package dev.kaizen.household.goal;

import java.util.Arrays;
import java.util.List;

/** The six task families, after ALFWorld's. */
public enum Family {
    /** Put an object of a type in a receptacle of a type. */
    PICK_AND_PLACE("pick-and-place", null, null),
    /** Clean an object in the sink basin, then put it in a receptacle. */
    CLEAN_AND_PLACE("clean-and-place", "clean", "sinkbasin"),
    /** Heat an object in the microwave, then put it in a receptacle. */
    HEAT_AND_PLACE("heat-and-place", "heat", "microwave"),
    /** Cool an object in the fridge, then put it in a receptacle. */
    COOL_AND_PLACE("cool-and-place", "cool", "fridge"),
    /** Hold an object under a lamp that is switched on. */
    LOOK_IN_LIGHT("look-in-light", null, null),
    /** Put two objects of a type in the same receptacle of a type. */
    PICK_TWO_AND_PLACE("pick-two-and-place", null, null);

    private final String id;
    private final String treatment;
    private final String appliance;

    Family(String id, String treatment, String appliance) {
        this.id = id;
        this.treatment = treatment;
        this.appliance = appliance;
    }

    /** The id used in configs and task info, e.g. {@code clean-and-place}. */
    public String id() {
        return id;
    }

    /** What is done to the object before it is placed ({@code clean}, {@code heat}, {@code cool}), or null. */
    public String treatment() {
        return treatment;
    }

    /** The receptacle type that does the treatment ({@code sinkbasin}, ...), or null. */
    public String appliance() {
        return appliance;
    }

    /** Every id, in order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Family::id).toList();
    }

    /**
     * The family with this id.
     *
     * @throws IllegalArgumentException listing the known ids
     */
    public static Family of(String id) {
        for (Family family : values()) {
            if (family.id.equals(id)) {
                return family;
            }
        }
        throw new IllegalArgumentException("unknown task family '" + id + "'; known: " + ids());
    }

    @Override
    public String toString() {
        return id;
    }
}
