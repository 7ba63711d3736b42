package dev.kaizen.household;

import dev.kaizen.api.env.EnvironmentConfig;
import dev.kaizen.household.goal.Family;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Config of the {@code household} environment. Every field has a default (used when it is null)
 * and is validated; an invalid value is rejected with the field's name, its value and what is
 * allowed.
 *
 * @param seed seed of the layouts, the held-out pairings, the worlds and the instructions (default
 *     1); the household is otherwise deterministic
 * @param train number of {@code train} tasks (default 3000)
 * @param seen number of {@code seen} tasks: new worlds of the layouts and pairings of {@code train}
 *     (default 500)
 * @param unseen number of {@code unseen} tasks: held-out layouts and held-out pairings only (default 500)
 * @param maxSteps actions per episode before it ends with reward 0 (default 50; at least 10); a
 *     drawn task whose expert plan is longer is drawn again
 * @param objects objects per world, those the task needs included (default 20; 5 to 60)
 * @param layouts layouts per room type (default 10; 2 to 50)
 * @param unseenLayouts layouts per room type held out for {@code unseen} (default 2; at least 1,
 *     fewer than {@code layouts})
 * @param unseenPairings share of the object–target pairings held out for {@code unseen} (default
 *     0.2; more than 0, less than 1)
 * @param families ids of the task families to ask (default all six: pick-and-place,
 *     clean-and-place, heat-and-place, cool-and-place, look-in-light, pick-two-and-place)
 */
public record HouseholdConfig(Long seed, Integer train, Integer seen, Integer unseen, Integer maxSteps,
                              Integer objects, Integer layouts, Integer unseenLayouts, Double unseenPairings,
                              List<String> families) implements EnvironmentConfig {

    public HouseholdConfig {
        seed = seed == null ? 1L : seed;
        train = train == null ? 3000 : train;
        seen = seen == null ? 500 : seen;
        unseen = unseen == null ? 500 : unseen;
        maxSteps = maxSteps == null ? 50 : maxSteps;
        objects = objects == null ? 20 : objects;
        layouts = layouts == null ? 10 : layouts;
        unseenLayouts = unseenLayouts == null ? 2 : unseenLayouts;
        unseenPairings = unseenPairings == null ? 0.2 : unseenPairings;
        families = families == null ? Family.ids() : List.copyOf(families);

        atLeast("train", train, 0, ">= 0");
        atLeast("seen", seen, 0, ">= 0");
        atLeast("unseen", unseen, 0, ">= 0");
        atLeast("maxSteps", maxSteps, 10, "at least 10 (the expert's plans take 4 to about 40 steps)");
        within("objects", objects, 5, 60);
        within("layouts", layouts, 2, 50);
        within("unseenLayouts", unseenLayouts, 1, layouts - 1);
        if (!(unseenPairings > 0 && unseenPairings < 1)) {
            throw new IllegalArgumentException("unseenPairings must be more than 0 and less than 1, got "
                    + unseenPairings);
        }
        if (families.isEmpty()) {
            throw new IllegalArgumentException("families must name at least one of " + Family.ids());
        }
        Set<String> named = new HashSet<>();
        for (String id : families) {
            if (!Family.ids().contains(id)) {
                throw new IllegalArgumentException("families: unknown task family '" + id + "'; known: "
                        + Family.ids());
            }
            if (!named.add(id)) {
                throw new IllegalArgumentException("families: '" + id + "' is listed twice");
            }
        }
    }

    /** The defaults. */
    public HouseholdConfig() {
        this(null, null, null, null, null, null, null, null, null, null);
    }

    /** The families, in the order of {@link Family}. */
    public List<Family> familyList() {
        return Family.ids().stream().filter(families::contains).map(Family::of).toList();
    }

    private static void atLeast(String field, int value, int min, String allowed) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be " + allowed + ", got " + value);
        }
    }

    private static void within(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be in " + min + ".." + max + ", got " + value);
        }
    }
}
