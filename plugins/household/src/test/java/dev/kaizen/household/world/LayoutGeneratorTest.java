package dev.kaizen.household.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LayoutGeneratorTest {

    private final Vocabulary vocabulary = Vocabulary.standard();

    @Test
    void layoutsAreDistinctWithinTheRoomsRangesAndTheSameForTheSameSeed() {
        for (RoomSpec room : vocabulary.rooms()) {
            List<Layout> layouts = LayoutGenerator.generate(vocabulary, room, 10, 3);
            assertThat(LayoutGenerator.generate(vocabulary, room, 10, 3)).isEqualTo(layouts);
            assertThat(LayoutGenerator.generate(vocabulary, room, 10, 4)).isNotEqualTo(layouts);
            Set<String> furniture = new HashSet<>();
            for (int i = 0; i < layouts.size(); i++) {
                Layout layout = layouts.get(i);
                assertThat(layout.id()).isEqualTo(room.name() + "-" + (i + 1));
                assertThat(furniture.add(layout.furniture())).isTrue();
                for (String type : room.receptacles().keySet()) {
                    long count = layout.receptacles().stream().filter(r -> r.type().equals(type)).count();
                    assertThat(count).as(type).isBetween((long) room.fewest(type), (long) room.most(type));
                }
                List<Receptacle> sorted = layout.receptacles().stream().sorted((a, b) -> a.type().equals(b.type())
                        ? Integer.compare(a.number(), b.number()) : a.type().compareTo(b.type())).toList();
                assertThat(layout.receptacles()).isEqualTo(sorted);
                assertThat(layout.receptacles()).allMatch(r -> r.openable() == vocabulary.receptacle(r.type()).openable());
            }
        }
    }

    @Test
    void askingForMoreLayoutsThanARoomAllowsIsAClearError() {
        RoomSpec tiny = new RoomSpec("closet", null, Map.of("shelf", List.of(1, 2)), List.of("box"),
                List.of("pick-and-place"));
        assertThatThrownBy(() -> LayoutGenerator.generate(vocabulary, tiny, 3, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the closet allows only 2 distinct layouts, fewer than the 3 asked for; lower layouts");
    }
}
