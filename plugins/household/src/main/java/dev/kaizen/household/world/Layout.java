package dev.kaizen.household.world;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The furniture of one room: which receptacles it has. Many worlds share a layout; they differ in
 * where the objects are.
 *
 * @param id unique among the layouts of an environment, e.g. {@code kitchen-3}
 * @param room the room type
 * @param receptacles the receptacles in listing order (by type name, then number)
 */
public record Layout(String id, RoomSpec room, List<Receptacle> receptacles) {

    public Layout {
        requireNonNull(id, "id is null");
        requireNonNull(room, "room is null");
        receptacles = List.copyOf(requireNonNull(receptacles, "receptacles is null"));
    }

    /** Whether some receptacle is of {@code type}. */
    public boolean has(String type) {
        return receptacles.stream().anyMatch(r -> r.type().equals(type));
    }

    /** The index of the first receptacle of {@code type} in listing order, or -1. */
    public int first(String type) {
        for (int i = 0; i < receptacles.size(); i++) {
            if (receptacles.get(i).type().equals(type)) {
                return i;
            }
        }
        return -1;
    }

    /** How many receptacles of each type, in listing order, e.g. {@code cabinet=6 countertop=2}. */
    public String furniture() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < receptacles.size(); i++) {
            Receptacle r = receptacles.get(i);
            boolean last = i + 1 == receptacles.size() || !receptacles.get(i + 1).type().equals(r.type());
            if (last) {
                out.append(out.length() == 0 ? "" : " ").append(r.type()).append('=').append(r.number());
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return id + " [" + furniture() + "]";
    }
}
