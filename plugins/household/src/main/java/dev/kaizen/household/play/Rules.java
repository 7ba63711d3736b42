package dev.kaizen.household.play;

import dev.kaizen.household.goal.Family;
import dev.kaizen.household.world.Item;
import dev.kaizen.household.world.Receptacle;
import dev.kaizen.household.world.World;
import dev.kaizen.household.world.WorldState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the agent can do and what it does, as in ALFWorld: go to any receptacle; open and close
 * the one it is at; take an object from it (hands empty, inside reachable) or put the held object
 * in/on it; clean the held object at a sink basin, heat it at a microwave, cool it at a fridge (if
 * the object allows it); switch a lamp there on or off; examine; inventory; look. Stateless.
 */
public final class Rules {

    private Rules() {
    }

    /**
     * The valid commands in {@code state}, in display order: what can be done where the agent is,
     * then {@code go to} every other receptacle in listing order, then {@code inventory} and
     * {@code look}.
     */
    public static List<Command> valid(WorldState state) {
        World world = state.world();
        List<Command> out = new ArrayList<>();
        int at = state.at();
        int held = state.held();
        if (at >= 0) {
            Receptacle r = world.receptacles().get(at);
            String here = r.name();
            if (r.openable()) {
                out.add(state.isOpen(at) ? new Command(Verb.CLOSE, at, -1, "close " + here)
                        : new Command(Verb.OPEN, at, -1, "open " + here));
            }
            boolean reachable = state.isReachable(at);
            if (reachable && held < 0) {
                for (int item : state.itemsIn(at)) {
                    Item it = world.items().get(item);
                    if (it.spec().portable()) {
                        out.add(new Command(Verb.TAKE, at, item, "take " + it.name() + " from " + here));
                    }
                }
            }
            if (held >= 0) {
                Item it = world.items().get(held);
                if (reachable) {
                    out.add(new Command(Verb.PUT, at, held, "put " + it.name() + " in/on " + here));
                }
                for (Family family : List.of(Family.CLEAN_AND_PLACE, Family.HEAT_AND_PLACE, Family.COOL_AND_PLACE)) {
                    if (r.type().equals(family.appliance()) && it.spec().allows(family.treatment())) {
                        Verb verb = Verb.valueOf(family.treatment().toUpperCase(Locale.ROOT));
                        out.add(new Command(verb, at, held, family.treatment() + " " + it.name() + " with " + here));
                    }
                }
            }
            if (reachable) {
                for (int item : state.itemsIn(at)) {
                    Item it = world.items().get(item);
                    if (it.spec().lamp()) {
                        out.add(new Command(Verb.USE, at, item, "use " + it.name()));
                    }
                }
            }
            out.add(new Command(Verb.EXAMINE, at, -1, "examine " + here));
        }
        if (held >= 0) {
            out.add(new Command(Verb.EXAMINE, -1, held, "examine " + world.items().get(held).name()));
        }
        for (int r = 0; r < world.receptacles().size(); r++) {
            if (r != at) {
                out.add(new Command(Verb.GO, r, -1, "go to " + world.receptacles().get(r).name()));
            }
        }
        out.add(new Command(Verb.INVENTORY, -1, -1, "inventory"));
        out.add(new Command(Verb.LOOK, -1, -1, "look"));
        return out;
    }

    /** Carries out {@code command}, which must be one of {@link #valid}'s for {@code state}, and says what happened. */
    public static String apply(WorldState state, Command command) {
        World world = state.world();
        int r = command.receptacle();
        int item = command.item();
        String place = r >= 0 ? world.receptacles().get(r).name() : "";
        String thing = item >= 0 ? world.items().get(item).name() : "";
        return switch (command.verb()) {
            case GO -> {
                state.moveTo(r);
                yield "You arrive at " + place + ". " + Narrator.view(state, r);
            }
            case OPEN -> {
                state.setOpen(r, true);
                yield "You open the " + place + ". " + Narrator.view(state, r);
            }
            case CLOSE -> {
                state.setOpen(r, false);
                yield "You close the " + place + ".";
            }
            case TAKE -> {
                state.take(item);
                yield "You pick up the " + thing + " from the " + place + ".";
            }
            case PUT -> {
                state.putHeld(r);
                yield "You put the " + thing + " in/on the " + place + ".";
            }
            case CLEAN -> {
                state.change(item, WorldState.CLEAN, 0);
                yield "You clean the " + thing + " using the " + place + ".";
            }
            case HEAT -> {
                state.change(item, WorldState.HOT, WorldState.COLD);
                yield "You heat the " + thing + " using the " + place + ".";
            }
            case COOL -> {
                state.change(item, WorldState.COLD, WorldState.HOT);
                yield "You cool the " + thing + " using the " + place + ".";
            }
            case USE -> {
                boolean on = !state.is(item, WorldState.ON);
                state.change(item, on ? WorldState.ON : 0, on ? 0 : WorldState.ON);
                yield "You turn " + (on ? "on" : "off") + " the " + thing + ".";
            }
            case EXAMINE -> item >= 0 ? Narrator.describe(state, item) : Narrator.view(state, r);
            case INVENTORY -> Narrator.inventory(state);
            case LOOK -> state.at() < 0 ? Narrator.room(world)
                    : "You are facing the " + world.receptacles().get(state.at()).name() + ". "
                    + Narrator.view(state, state.at());
        };
    }
}
