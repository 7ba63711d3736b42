package dev.kaizen.household.world;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The words the household is made of: receptacle types, object types with where each is found and
 * what can be done to it, and room types with their receptacles, objects and task families.
 *
 * <p>The standard vocabulary is the resource {@code vocabulary.json} next to this class. Every name
 * an entry refers to is checked. Immutable and thread-safe.
 *
 * @param receptacles the receptacle types
 * @param objects the object types
 * @param rooms the room types, in a stable order
 */
public record Vocabulary(List<ReceptacleSpec> receptacles, List<ObjectSpec> objects, List<RoomSpec> rooms) {

    private static final String RESOURCE = "vocabulary.json";

    public Vocabulary {
        receptacles = List.copyOf(requireNonNull(receptacles, "receptacles is null"));
        objects = List.copyOf(requireNonNull(objects, "objects is null"));
        rooms = List.copyOf(requireNonNull(rooms, "rooms is null"));
        Map<String, ReceptacleSpec> receptacleNames = byName(receptacles, ReceptacleSpec::name, "receptacle");
        Map<String, ObjectSpec> objectNames = byName(objects, ObjectSpec::name, "object");
        byName(rooms, RoomSpec::name, "room");
        for (ObjectSpec object : objects) {
            for (String place : object.places().keySet()) {
                if (!receptacleNames.containsKey(place)) {
                    throw new IllegalArgumentException("vocabulary: object '" + object.name()
                            + "' is found in unknown receptacle '" + place + "'");
                }
            }
        }
        for (RoomSpec room : rooms) {
            for (String type : room.receptacles().keySet()) {
                if (!receptacleNames.containsKey(type)) {
                    throw new IllegalArgumentException("vocabulary: room '" + room.name()
                            + "' has unknown receptacle '" + type + "'");
                }
            }
            for (String object : room.objects()) {
                if (!objectNames.containsKey(object)) {
                    throw new IllegalArgumentException("vocabulary: room '" + room.name() + "' has unknown object '"
                            + object + "'");
                }
            }
        }
    }

    private static <T> Map<String, T> byName(List<T> entries, Function<T, String> name, String kind) {
        Map<String, T> out = new LinkedHashMap<>();
        for (T entry : entries) {
            if (out.put(name.apply(entry), entry) != null) {
                throw new IllegalArgumentException("vocabulary: " + kind + " '" + name.apply(entry) + "' appears twice");
            }
        }
        return out;
    }

    /** The standard vocabulary shipped with the household. */
    public static Vocabulary standard() {
        return Holder.STANDARD;
    }

    /** Reads a vocabulary from JSON; unknown fields are rejected. */
    public static Vocabulary read(InputStream json) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return mapper.readValue(json, Vocabulary.class);
    }

    /** The receptacle type called {@code name}. */
    public ReceptacleSpec receptacle(String name) {
        return find(receptacles, ReceptacleSpec::name, name, "receptacle");
    }

    /** The object type called {@code name}. */
    public ObjectSpec object(String name) {
        return find(objects, ObjectSpec::name, name, "object");
    }

    /** The room type called {@code name}. */
    public RoomSpec room(String name) {
        return find(rooms, RoomSpec::name, name, "room");
    }

    private static <T> T find(List<T> entries, Function<T, String> name, String wanted,
                              String kind) {
        for (T entry : entries) {
            if (name.apply(entry).equals(wanted)) {
                return entry;
            }
        }
        throw new IllegalArgumentException("unknown " + kind + " '" + wanted + "'; known: "
                + entries.stream().map(name).toList());
    }

    private static final class Holder {
        static final Vocabulary STANDARD = load();

        private static Vocabulary load() {
            try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the household's vocabulary resource " + RESOURCE + " is missing");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the household's vocabulary " + RESOURCE, e);
            }
        }
    }
}
