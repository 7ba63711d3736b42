package dev.kaizen.household.world;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kind of object in the vocabulary, e.g. {@code mug}.
 *
 * @param name the type name, one lowercase word
 * @param plural the plural used in instructions (default: the name with an {@code s})
 * @param places where it is found: receptacle type to weight (a type present in a room is drawn with
 *     probability proportional to its weight); also the receptacle types a task may ask it to go to
 * @param abilities which of {@code clean}, {@code heat}, {@code cool} can be done to it (default none)
 * @param lamp whether it is a lamp: it stays where it is and can be switched on and off (default false)
 */
public record ObjectSpec(String name, String plural, Map<String, Integer> places, List<String> abilities,
                         Boolean lamp) {

    /** The treatments an object may allow. */
    public static final List<String> TREATMENTS = List.of("clean", "heat", "cool");

    public ObjectSpec {
        requireNonNull(name, "name is null");
        plural = plural == null ? name + "s" : plural;
        places = new LinkedHashMap<>(requireNonNull(places, "places of " + name + " is null"));
        abilities = abilities == null ? List.of() : List.copyOf(abilities);
        lamp = lamp != null && lamp;
        for (String ability : abilities) {
            if (!TREATMENTS.contains(ability)) {
                throw new IllegalArgumentException("vocabulary: object '" + name + "' has unknown ability '" + ability
                        + "'; known: " + TREATMENTS);
            }
        }
        for (Map.Entry<String, Integer> place : places.entrySet()) {
            if (place.getValue() == null || place.getValue() < 1) {
                throw new IllegalArgumentException("vocabulary: object '" + name + "' has weight "
                        + place.getValue() + " for '" + place.getKey() + "'; weights are >= 1");
            }
        }
        places = Collections.unmodifiableMap(places);
    }

    /** Whether {@code treatment} ({@code clean}, {@code heat} or {@code cool}) can be done to it. */
    public boolean allows(String treatment) {
        return abilities.contains(treatment);
    }

    /** Whether an agent can pick it up (everything but lamps). */
    public boolean portable() {
        return !lamp;
    }
}
