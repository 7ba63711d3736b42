package dev.kaizen.household.world;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kind of room in the vocabulary, e.g. the kitchen.
 *
 * @param name the id, one lowercase word (e.g. {@code livingroom})
 * @param title how observations name it (e.g. {@code living room})
 * @param receptacles receptacle type to the {@code [fewest, most]} instances a layout of this room has
 * @param objects the object types found in this room
 * @param families ids of the task families asked in this room
 */
public record RoomSpec(String name, String title, Map<String, List<Integer>> receptacles, List<String> objects,
                       List<String> families) {

    public RoomSpec {
        requireNonNull(name, "name is null");
        title = title == null ? name : title;
        receptacles = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(receptacles,
                "receptacles of " + name + " is null")));
        objects = List.copyOf(requireNonNull(objects, "objects of " + name + " is null"));
        families = List.copyOf(requireNonNull(families, "families of " + name + " is null"));
        for (Map.Entry<String, List<Integer>> entry : receptacles.entrySet()) {
            List<Integer> range = entry.getValue();
            if (range == null || range.size() != 2 || range.get(0) < 0 || range.get(1) < range.get(0)) {
                throw new IllegalArgumentException("vocabulary: room '" + name + "' gives '" + entry.getKey()
                        + "' the count range " + range + "; write [fewest, most] with 0 <= fewest <= most");
            }
        }
    }

    /** The fewest instances of {@code type} a layout of this room has. */
    public int fewest(String type) {
        return receptacles.get(type).get(0);
    }

    /** The most instances of {@code type} a layout of this room has. */
    public int most(String type) {
        return receptacles.get(type).get(1);
    }
}
