package dev.kaizen.household.world;

import dev.kaizen.api.Seeds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws the layouts of a room type: for each receptacle type of the room, a count within its
 * range. Layouts of a room are distinct; the same seed gives the same layouts.
 */
public final class LayoutGenerator {

    private static final int TRIES = 200;

    private LayoutGenerator() {
    }

    /**
     * {@code count} distinct layouts of {@code room}, with ids {@code ROOM-1}, {@code ROOM-2}, ...
     *
     * @throws IllegalArgumentException if the room's ranges allow fewer than {@code count} layouts
     */
    public static List<Layout> generate(Vocabulary vocabulary, RoomSpec room, int count, long seed) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "layouts-" + room.name()));
        Set<String> made = new HashSet<>();
        List<Layout> layouts = new ArrayList<>();
        for (int tries = 0; layouts.size() < count; tries++) {
            if (tries >= TRIES * count) {
                throw new IllegalArgumentException("the " + room.title() + " allows only " + layouts.size()
                        + " distinct layouts, fewer than the " + count + " asked for; lower layouts");
            }
            List<Receptacle> receptacles = new ArrayList<>();
            for (Map.Entry<String, List<Integer>> entry : room.receptacles().entrySet()) {
                int fewest = entry.getValue().get(0);
                int n = fewest + random.nextInt(entry.getValue().get(1) - fewest + 1);
                boolean openable = vocabulary.receptacle(entry.getKey()).openable();
                for (int k = 1; k <= n; k++) {
                    receptacles.add(new Receptacle(entry.getKey(), k, openable));
                }
            }
            receptacles.sort(Comparator.comparing(Receptacle::type).thenComparingInt(Receptacle::number));
            Layout layout = new Layout(room.name() + "-" + (layouts.size() + 1), room, receptacles);
            if (made.add(layout.furniture())) {
                layouts.add(layout);
            }
        }
        return List.copyOf(layouts);
    }
}
