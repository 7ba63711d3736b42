package dev.kaizen.household.goal;

import static java.util.Objects.requireNonNull;

import dev.kaizen.household.world.Item;
import dev.kaizen.household.world.Receptacle;
import dev.kaizen.household.world.World;
import dev.kaizen.household.world.WorldState;
import java.util.List;

/**
 * What a task asks, as ALFWorld states its goals: any object of the named type will do, and any
 * receptacle of the named type.
 *
 * @param family the task family
 * @param object the object type
 * @param target the receptacle type the object must end in, or for {@link Family#LOOK_IN_LIGHT} the
 *     lamp type it must be held under
 */
public record Goal(Family family, String object, String target) {

    public Goal {
        requireNonNull(family, "family is null");
        requireNonNull(object, "object is null");
        requireNonNull(target, "target is null");
    }

    /** The object–target pairing the splits hold out, e.g. {@code mug>cabinet}. */
    public String pairing() {
        return object + ">" + target;
    }

    /** Whether {@code state} achieves the goal. */
    public boolean isMet(WorldState state) {
        World world = state.world();
        List<Item> items = world.items();
        if (family == Family.LOOK_IN_LIGHT) {
            int held = state.held();
            if (held < 0 || !items.get(held).type().equals(object) || state.at() < 0) {
                return false;
            }
            for (int lamp : state.itemsIn(state.at())) {
                if (items.get(lamp).type().equals(target) && state.is(lamp, WorldState.ON)) {
                    return true;
                }
            }
            return false;
        }
        int needed = family == Family.PICK_TWO_AND_PLACE ? 2 : 1;
        int bit = switch (family) {
            case CLEAN_AND_PLACE -> WorldState.CLEAN;
            case HEAT_AND_PLACE -> WorldState.HOT;
            case COOL_AND_PLACE -> WorldState.COLD;
            default -> 0;
        };
        int[] counts = new int[world.receptacles().size()];
        for (int i = 0; i < items.size(); i++) {
            int place = state.place(i);
            if (place < 0 || !items.get(i).type().equals(object) || !state.is(i, bit)) {
                continue;
            }
            Receptacle receptacle = world.receptacles().get(place);
            if (receptacle.type().equals(target) && ++counts[place] >= needed) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return family + ": " + object + " -> " + target;
    }
}
