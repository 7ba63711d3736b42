package dev.kaizen.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.kaizen.api.env.Split;
import dev.kaizen.household.goal.Family;
import dev.kaizen.household.tasks.HeldOut;
import dev.kaizen.household.tasks.HouseholdTask;
import dev.kaizen.household.tasks.TaskGenerator;
import dev.kaizen.household.world.Vocabulary;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitsTest {

    private final HouseholdEnvironment household = Households.standard();

    @Test
    void splitsHaveTheirSizesAndAreDisjoint() {
        Set<String> ids = new HashSet<>();
        Set<String> worlds = new HashSet<>();
        int total = 0;
        for (Split split : Split.values()) {
            for (HouseholdTask known : household.groundTruth(split)) {
                assertThat(known.task().split()).isEqualTo(split);
                assertThat(known.task().id()).startsWith(split.id() + "-");
                ids.add(known.task().id());
                worlds.add(known.world().signature() + " | " + known.goal());
                total++;
            }
        }
        assertThat(household.tasks(Split.TRAIN)).hasSize(3000);
        assertThat(household.tasks(Split.SEEN)).hasSize(500);
        assertThat(household.tasks(Split.UNSEEN)).hasSize(500);
        assertThat(ids).hasSize(total);
        assertThat(worlds).hasSize(total);
    }

    @Test
    void unseenHoldsTheHeldOutLayoutsAndPairingsAndNothingElseDoes() {
        HeldOut heldOut = household.heldOut();
        assertThat(heldOut.layouts()).hasSize(4 * household.config().unseenLayouts());
        assertThat((double) heldOut.pairings().size() / heldOut.allPairings().size()).isCloseTo(0.2,
                offset(0.01));
        for (HouseholdTask known : household.groundTruth(Split.UNSEEN)) {
            assertThat(heldOut.isHeldOut(known.world().layout())).as(known.task().id()).isTrue();
            assertThat(heldOut.isHeldOut(known.goal().pairing())).as(known.task().id()).isTrue();
        }
        for (Split split : List.of(Split.TRAIN, Split.SEEN)) {
            for (HouseholdTask known : household.groundTruth(split)) {
                assertThat(heldOut.isHeldOut(known.world().layout())).as(known.task().id()).isFalse();
                assertThat(heldOut.isHeldOut(known.goal().pairing())).as(known.task().id()).isFalse();
            }
        }
    }

    @Test
    void seenDrawsNewWorldsFromTheLayoutsAndPairingsOfTrain() {
        Set<String> trainLayouts = new HashSet<>();
        Set<String> trainPairings = new HashSet<>();
        for (HouseholdTask known : household.groundTruth(Split.TRAIN)) {
            trainLayouts.add(known.world().layout().id());
            trainPairings.add(known.goal().pairing());
        }
        int sharedPairings = 0;
        for (HouseholdTask known : household.groundTruth(Split.SEEN)) {
            assertThat(trainLayouts).contains(known.world().layout().id());
            sharedPairings += trainPairings.contains(known.goal().pairing()) ? 1 : 0;
        }
        assertThat(sharedPairings).isGreaterThan(450);
    }

    @Test
    void everySplitAsksEveryFamilyInEveryRoom() {
        for (Split split : Split.values()) {
            Map<Family, Set<String>> rooms = new EnumMap<>(Family.class);
            for (HouseholdTask known : household.groundTruth(split)) {
                rooms.computeIfAbsent(known.goal().family(), f -> new HashSet<>()).add(known.world().room().name());
                assertThat(known.task().info()).containsEntry("family", known.goal().family().id())
                        .containsEntry("room", known.world().room().name());
            }
            assertThat(rooms).hasSize(6);
            assertThat(rooms.get(Family.PICK_AND_PLACE)).hasSize(4);
            assertThat(rooms.get(Family.HEAT_AND_PLACE)).containsExactly("kitchen");
            assertThat(rooms.get(Family.LOOK_IN_LIGHT)).containsExactlyInAnyOrder("livingroom", "bedroom");
        }
    }

    @Test
    void familiesCanBeRestricted() {
        HouseholdEnvironment picks = new HouseholdEnvironment(new HouseholdConfig(1L, 30, 10, 10, null, null, null,
                null, null, List.of("pick-and-place")));
        for (Split split : Split.values()) {
            assertThat(picks.groundTruth(split)).allMatch(t -> t.goal().family() == Family.PICK_AND_PLACE);
        }
    }

    @Test
    void aSplitThatCannotBeFilledIsAClearError() {
        TaskGenerator generator = new TaskGenerator(Vocabulary.standard(), household.layouts(), household.heldOut(),
                List.of(Family.PICK_TWO_AND_PLACE), 20, 3, 1L);
        assertThatThrownBy(() -> generator.generate(Split.TRAIN, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("could not make train task 0").hasMessageContaining("raise maxSteps");
    }
}
