package dev.kaizen.household.world;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The changing part of a world during an episode: where the agent is, what it holds, which
 * receptacles are open, where each object lies and what state it is in. A handful of small arrays:
 * {@link #copy()} is cheap. Not thread-safe.
 */
public final class WorldState {

    /** Object state bit: cleaned. */
    public static final int CLEAN = 1;
    /** Object state bit: hot. */
    public static final int HOT = 2;
    /** Object state bit: cold. */
    public static final int COLD = 4;
    /** Object state bit: switched on (lamps). */
    public static final int ON = 8;
    /** {@link #at()} before the agent has gone anywhere: the middle of the room. */
    public static final int MIDDLE = -1;
    /** {@link #place(int)} of the object the agent holds. */
    public static final int HELD = -1;

    private final World world;
    private final int[] places;
    private final int[] states;
    private final boolean[] open;
    private int at = MIDDLE;
    private int held = -1;

    WorldState(World world, int[] places) {
        this.world = requireNonNull(world, "world is null");
        this.places = places.clone();
        this.states = new int[places.length];
        this.open = new boolean[world.receptacles().size()];
    }

    private WorldState(WorldState other) {
        world = other.world;
        places = other.places.clone();
        states = other.states.clone();
        open = other.open.clone();
        at = other.at;
        held = other.held;
    }

    /** An independent copy. */
    public WorldState copy() {
        return new WorldState(this);
    }

    /** The world this is a state of. */
    public World world() {
        return world;
    }

    /** The receptacle the agent is at, or {@link #MIDDLE}. */
    public int at() {
        return at;
    }

    /** The object the agent holds, or -1. */
    public int held() {
        return held;
    }

    /** Where object {@code item} lies, or {@link #HELD}. */
    public int place(int item) {
        return places[item];
    }

    /** Whether object {@code item} has every bit of {@code state}. */
    public boolean is(int item, int state) {
        return (states[item] & state) == state;
    }

    /** Whether receptacle {@code receptacle} is open. */
    public boolean isOpen(int receptacle) {
        return open[receptacle];
    }

    /** Whether the inside of {@code receptacle} can be seen and reached: it is open or does not close. */
    public boolean isReachable(int receptacle) {
        return open[receptacle] || !world.receptacles().get(receptacle).openable();
    }

    /** The objects lying in {@code receptacle}, in the world's order. */
    public List<Integer> itemsIn(int receptacle) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < places.length; i++) {
            if (places[i] == receptacle) {
                out.add(i);
            }
        }
        return out;
    }

    /** Goes to {@code receptacle}. */
    public void moveTo(int receptacle) {
        at = receptacle;
    }

    /** Opens or closes {@code receptacle}. */
    public void setOpen(int receptacle, boolean isOpen) {
        open[receptacle] = isOpen;
    }

    /** Picks up {@code item}. */
    public void take(int item) {
        places[item] = HELD;
        held = item;
    }

    /** Puts the held object into {@code receptacle}. */
    public void putHeld(int receptacle) {
        places[held] = receptacle;
        held = -1;
    }

    /** Sets the bits of {@code set} and clears those of {@code clear} in the state of {@code item}. */
    public void change(int item, int set, int clear) {
        states[item] = (states[item] & ~clear) | set;
    }

    /** A compact description of the whole state, equal for equal states. */
    public String signature() {
        return "at=" + at + " held=" + held + " places=" + Arrays.toString(places) + " states="
                + Arrays.toString(states) + " open=" + Arrays.toString(open);
    }
}
