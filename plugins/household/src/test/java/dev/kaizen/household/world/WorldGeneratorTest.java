package dev.kaizen.household.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WorldGeneratorTest {

    private final Vocabulary vocabulary = Vocabulary.standard();
    private final WorldGenerator generator = new WorldGenerator(vocabulary);
    private final Layout kitchen = LayoutGenerator.generate(vocabulary, vocabulary.room("kitchen"), 3, 1).get(0);

    @Test
    void placesRequiredAndRoomObjectsWhereTheirKindIsFound() {
        for (int seed = 0; seed < 50; seed++) {
            World world = generator.generate(kitchen, List.of("mug", "mug"), "mug", "cabinet", 20,
                    new SplittableRandom(seed));
            assertThat(world.items()).hasSize(20);
            assertThat(world.items().stream().filter(i -> i.type().equals("mug")).count()).isGreaterThanOrEqualTo(2);
            Map<String, Integer> numbers = new HashMap<>();
            for (int i = 0; i < world.items().size(); i++) {
                Item item = world.items().get(i);
                assertThat(kitchen.room().objects()).contains(item.type());
                assertThat(item.number()).isEqualTo(numbers.merge(item.type(), 1, Integer::sum));
                Receptacle place = world.receptacles().get(world.startPlace(i));
                assertThat(item.spec().places()).containsKey(place.type());
                if (item.type().equals("mug")) {
                    assertThat(place.type()).isNotEqualTo("cabinet");
                }
            }
        }
    }

    @Test
    void theSameRandomStreamGivesTheSameWorld() {
        World a = generator.generate(kitchen, List.of("egg"), null, null, 15, new SplittableRandom(9));
        World b = generator.generate(kitchen, List.of("egg"), null, null, 15, new SplittableRandom(9));
        World c = generator.generate(kitchen, List.of("egg"), null, null, 15, new SplittableRandom(10));
        assertThat(b).isEqualTo(a);
        assertThat(b.signature()).isEqualTo(a.signature());
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void anObjectWithNowhereToGoGivesNoWorld() {
        assertThat(generator.generate(kitchen, List.of("pillow"), null, null, 10, new SplittableRandom(1))).isNull();
        assertThat(generator.generate(kitchen, List.of("kettle"), "kettle", "stoveburner", 10,
                new SplittableRandom(1))).isNotNull();
    }

    @Test
    void aFreshStateHasEverythingClosedOffAndInPlace() {
        World world = generator.generate(kitchen, List.of("apple"), null, null, 12, new SplittableRandom(4));
        WorldState state = world.start();
        assertThat(state.at()).isEqualTo(WorldState.MIDDLE);
        assertThat(state.held()).isEqualTo(-1);
        for (int r = 0; r < world.receptacles().size(); r++) {
            assertThat(state.isOpen(r)).isFalse();
            assertThat(state.isReachable(r)).isEqualTo(!world.receptacles().get(r).openable());
        }
        for (int i = 0; i < world.items().size(); i++) {
            assertThat(state.place(i)).isEqualTo(world.startPlace(i));
            assertThat(state.is(i, WorldState.CLEAN) || state.is(i, WorldState.HOT) || state.is(i, WorldState.COLD))
                    .isFalse();
        }
        WorldState copy = state.copy();
        copy.moveTo(0);
        copy.take(0);
        assertThat(state.signature()).isNotEqualTo(copy.signature());
        assertThat(state.signature()).isEqualTo(world.start().signature());
    }
}
