package dev.kaizen.household.tasks;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.Seeds;
import dev.kaizen.household.goal.Family;
import dev.kaizen.household.world.Layout;
import dev.kaizen.household.world.ObjectSpec;
import dev.kaizen.household.world.RoomSpec;
import dev.kaizen.household.world.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * What {@code train} and {@code seen} never show and {@code unseen} is made of: the last layouts
 * of each room type, and a share of the object–target pairings (e.g. {@code mug>cabinet}: no
 * training task asks for a mug in a cabinet, whatever the family).
 *
 * @param layouts the ids of the held-out layouts
 * @param pairings the held-out pairings, {@code OBJECT>TARGET}
 * @param allPairings every pairing a task of the configured families can ask for
 */
public record HeldOut(Set<String> layouts, Set<String> pairings, Set<String> allPairings) {

    public HeldOut {
        layouts = Set.copyOf(requireNonNull(layouts, "layouts is null"));
        pairings = Set.copyOf(requireNonNull(pairings, "pairings is null"));
        allPairings = Set.copyOf(requireNonNull(allPairings, "allPairings is null"));
    }

    /**
     * Holds out the last {@code perRoom} layouts of each room and a {@code share} of the pairings,
     * drawn from {@code seed} (at least one pairing, and at least one left for training).
     */
    public static HeldOut choose(Vocabulary vocabulary, List<Layout> layouts, int perRoom, List<Family> families,
                                 double share, long seed) {
        Set<String> held = new TreeSet<>();
        for (RoomSpec room : vocabulary.rooms()) {
            List<Layout> ofRoom = layouts.stream().filter(l -> l.room().name().equals(room.name())).toList();
            for (Layout layout : ofRoom.subList(Math.max(0, ofRoom.size() - perRoom), ofRoom.size())) {
                held.add(layout.id());
            }
        }
        List<String> all = new ArrayList<>(pairings(vocabulary, families));
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "held-out-pairings"));
        for (int i = all.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swap = all.get(i);
            all.set(i, all.get(j));
            all.set(j, swap);
        }
        int count = Math.max(1, Math.min(all.size() - 1, (int) Math.round(share * all.size())));
        return new HeldOut(held, new TreeSet<>(all.subList(0, count)), new TreeSet<>(all));
    }

    /** Every pairing some room asks for in one of {@code families}, sorted. */
    public static Set<String> pairings(Vocabulary vocabulary, List<Family> families) {
        Set<String> out = new TreeSet<>();
        for (RoomSpec room : vocabulary.rooms()) {
            for (String familyId : room.families()) {
                Family family = Family.of(familyId);
                if (!families.contains(family)) {
                    continue;
                }
                for (String object : room.objects()) {
                    for (String target : targets(vocabulary, room, family, vocabulary.object(object))) {
                        out.add(object + ">" + target);
                    }
                }
            }
        }
        return out;
    }

    /** What a task of {@code family} in {@code room} may ask {@code object} to go to (or be looked at under). */
    public static List<String> targets(Vocabulary vocabulary, RoomSpec room, Family family, ObjectSpec object) {
        List<String> out = new ArrayList<>();
        if (!object.portable() || family.treatment() != null && !object.allows(family.treatment())) {
            return out;
        }
        if (family == Family.LOOK_IN_LIGHT) {
            for (String other : room.objects()) {
                if (vocabulary.object(other).lamp()) {
                    out.add(other);
                }
            }
            return out;
        }
        if (family.appliance() != null && !room.receptacles().containsKey(family.appliance())) {
            return out;
        }
        for (String place : object.places().keySet()) {
            if (room.receptacles().containsKey(place) && !place.equals(family.appliance())) {
                out.add(place);
            }
        }
        return out;
    }

    /** Whether {@code layout} belongs to {@code unseen}. */
    public boolean isHeldOut(Layout layout) {
        return layouts.contains(layout.id());
    }

    /** Whether {@code pairing} belongs to {@code unseen}. */
    public boolean isHeldOut(String pairing) {
        return pairings.contains(pairing);
    }
}
