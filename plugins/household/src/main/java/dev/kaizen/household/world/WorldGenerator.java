package dev.kaizen.household.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Places objects in a layout: the objects a task needs, then objects of the room's types drawn
 * uniformly until the world has its size. Each object goes to a receptacle type where its kind is
 * found (drawn by the vocabulary's weights among the types the layout has), then to one of the
 * layout's receptacles of that type, uniformly. Objects are numbered per type in a shuffled order,
 * so a number says nothing about where an object lies or whether a task needs it.
 */
public final class WorldGenerator {

    private final Vocabulary vocabulary;

    public WorldGenerator(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * A world of {@code size} objects, or null if a required object has nowhere to go.
     *
     * @param layout the furniture
     * @param required object types that must be present (a type twice for two objects)
     * @param guarded an object type kept out of receptacles of type {@code keepOut} (null for none)
     * @param keepOut the receptacle type no object of type {@code guarded} starts in (null for none)
     * @param size how many objects the world has, the required ones included
     * @param random the source of every choice
     */
    public World generate(Layout layout, List<String> required, String guarded, String keepOut, int size,
                          SplittableRandom random) {
        List<ObjectSpec> kinds = new ArrayList<>();
        for (String type : required) {
            kinds.add(vocabulary.object(type));
        }
        List<ObjectSpec> fill = new ArrayList<>();
        for (String type : layout.room().objects()) {
            ObjectSpec spec = vocabulary.object(type);
            if (!placeTypes(layout, spec, guarded, keepOut).isEmpty()) {
                fill.add(spec);
            }
        }
        while (kinds.size() < size && !fill.isEmpty()) {
            kinds.add(fill.get(random.nextInt(fill.size())));
        }
        for (int i = kinds.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            ObjectSpec swap = kinds.get(i);
            kinds.set(i, kinds.get(j));
            kinds.set(j, swap);
        }
        List<Item> items = new ArrayList<>();
        int[] places = new int[kinds.size()];
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < kinds.size(); i++) {
            ObjectSpec spec = kinds.get(i);
            List<String> types = placeTypes(layout, spec, guarded, keepOut);
            if (types.isEmpty()) {
                return null;
            }
            String type = weighted(types, spec.places(), random);
            List<Integer> instances = new ArrayList<>();
            for (int r = 0; r < layout.receptacles().size(); r++) {
                if (layout.receptacles().get(r).type().equals(type)) {
                    instances.add(r);
                }
            }
            places[i] = instances.get(random.nextInt(instances.size()));
            items.add(new Item(spec, numbers.merge(spec.name(), 1, Integer::sum)));
        }
        return new World(layout, items, places);
    }

    /** The receptacle types of {@code layout} where an object of {@code spec} may start. */
    private static List<String> placeTypes(Layout layout, ObjectSpec spec, String guarded, String keepOut) {
        List<String> types = new ArrayList<>();
        for (String type : spec.places().keySet()) {
            boolean kept = spec.name().equals(guarded) && type.equals(keepOut);
            if (!kept && layout.has(type)) {
                types.add(type);
            }
        }
        return types;
    }

    private static String weighted(List<String> types, Map<String, Integer> weights, SplittableRandom random) {
        int total = 0;
        for (String type : types) {
            total += weights.get(type);
        }
        int pick = random.nextInt(total);
        for (String type : types) {
            pick -= weights.get(type);
            if (pick < 0) {
                return type;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
