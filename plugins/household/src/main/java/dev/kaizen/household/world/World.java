package dev.kaizen.household.world;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * A room as a task starts it: a layout and the objects placed in its receptacles. Every openable
 * receptacle starts closed, every object at room temperature, not cleaned, every lamp off.
 * Immutable; {@link #start()} gives a fresh mutable state.
 */
public final class World {

    private final Layout layout;
    private final List<Item> items;
    private final int[] places;

    /**
     * @param layout the room's furniture
     * @param items the objects, in the order rooms list them
     * @param places for each object, the index in {@code layout.receptacles()} of where it lies
     */
    public World(Layout layout, List<Item> items, int[] places) {
        this.layout = requireNonNull(layout, "layout is null");
        this.items = List.copyOf(requireNonNull(items, "items is null"));
        this.places = places.clone();
        if (places.length != items.size()) {
            throw new IllegalArgumentException("need one place per item: " + items.size() + " items, "
                    + places.length + " places");
        }
        for (int place : places) {
            if (place < 0 || place >= layout.receptacles().size()) {
                throw new IllegalArgumentException("place " + place + " is not a receptacle of " + layout.id());
            }
        }
    }

    /** The furniture. */
    public Layout layout() {
        return layout;
    }

    /** The room type. */
    public RoomSpec room() {
        return layout.room();
    }

    /** The receptacles in listing order. */
    public List<Receptacle> receptacles() {
        return layout.receptacles();
    }

    /** The objects. */
    public List<Item> items() {
        return items;
    }

    /** Where object {@code item} lies at the start (an index into {@link #receptacles()}). */
    public int startPlace(int item) {
        return places[item];
    }

    /** The state at the start of a task. */
    public WorldState start() {
        return new WorldState(this, places);
    }

    /** The layout and where every object lies: equal for equal worlds. */
    public String signature() {
        StringBuilder out = new StringBuilder(layout.id());
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? ": " : ", ").append(items.get(i).name()).append('@')
                    .append(layout.receptacles().get(places[i]).name());
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof World w && w.layout.equals(layout) && w.items.equals(items)
                && Arrays.equals(w.places, places);
    }

    @Override
    public int hashCode() {
        return 31 * layout.hashCode() + Arrays.hashCode(places);
    }

    @Override
    public String toString() {
        return signature();
    }
}
