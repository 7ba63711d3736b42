package dev.kaizen.household.play;

import dev.kaizen.household.goal.InstructionWriter;
import dev.kaizen.household.world.Item;
import dev.kaizen.household.world.Receptacle;
import dev.kaizen.household.world.World;
import dev.kaizen.household.world.WorldState;
import java.util.ArrayList;
import java.util.List;

/** The sentences of observations, in ALFWorld's words. Stateless. */
public final class Narrator {

    private Narrator() {
    }

    /** What the agent sees on arrival: {@code You are in the middle of a kitchen. Looking quickly around you, ...}. */
    public static String room(World world) {
        List<String> names = new ArrayList<>();
        for (Receptacle receptacle : world.receptacles()) {
            names.add(receptacle.name());
        }
        return "You are in the middle of " + InstructionWriter.article(world.room().title()) + " "
                + world.room().title() + ". Looking quickly around you, you see " + list(names) + ".";
    }

    /**
     * What {@code receptacle} shows: {@code The cabinet 2 is closed.}, {@code The fridge 1 is open.
     * In it, you see an egg 1.} or {@code On the countertop 1, you see a mug 1, and a knife 2.}
     */
    public static String view(WorldState state, int receptacle) {
        Receptacle r = state.world().receptacles().get(receptacle);
        if (r.openable() && !state.isOpen(receptacle)) {
            return "The " + r.name() + " is closed.";
        }
        List<String> names = new ArrayList<>();
        for (int item : state.itemsIn(receptacle)) {
            names.add(state.world().items().get(item).name());
        }
        String contents = names.isEmpty() ? "nothing" : list(names);
        return r.openable() ? "The " + r.name() + " is open. In it, you see " + contents + "."
                : "On the " + r.name() + ", you see " + contents + ".";
    }

    /** What {@code examine} says of an object: {@code This is a dirty mug 1.}, {@code This is a hot, clean egg 1.} */
    public static String describe(WorldState state, int item) {
        Item it = state.world().items().get(item);
        List<String> words = new ArrayList<>();
        if (it.spec().lamp()) {
            return "This is " + InstructionWriter.article(it.name()) + " " + it.name() + ". It is "
                    + (state.is(item, WorldState.ON) ? "on." : "off.");
        }
        if (state.is(item, WorldState.HOT)) {
            words.add("hot");
        } else if (state.is(item, WorldState.COLD)) {
            words.add("cold");
        }
        if (it.spec().allows("clean")) {
            words.add(state.is(item, WorldState.CLEAN) ? "clean" : "dirty");
        }
        String adjectives = String.join(", ", words);
        String phrase = adjectives.isEmpty() ? it.name() : adjectives + " " + it.name();
        return "This is " + InstructionWriter.article(phrase) + " " + phrase + ".";
    }

    /** {@code You are carrying: a mug 1.} or {@code You are not carrying anything.} */
    public static String inventory(WorldState state) {
        if (state.held() < 0) {
            return "You are not carrying anything.";
        }
        return "You are carrying: " + withArticle(state.world().items().get(state.held()).name()) + ".";
    }

    /** {@code a mug 1, a knife 2, and an egg 1}. */
    static String list(List<String> names) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(i + 1 == names.size() ? ", and " : ", ");
            }
            out.append(withArticle(names.get(i)));
        }
        return out.toString();
    }

    private static String withArticle(String name) {
        return InstructionWriter.article(name) + " " + name;
    }
}
