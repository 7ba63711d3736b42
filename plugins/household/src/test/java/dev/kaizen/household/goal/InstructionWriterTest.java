package dev.kaizen.household.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.household.world.Vocabulary;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstructionWriterTest {

    @Test
    void everyPhrasingNamesTheObjectAndTheTarget() {
        for (Family family : Family.values()) {
            assertThat(InstructionWriter.phrasings(family)).hasSize(6).allSatisfy(phrasing -> {
                assertThat(phrasing).contains("{r}").endsWith(".");
                assertThat(phrasing.contains("{o}") || phrasing.contains("{os}")).isTrue();
            });
        }
    }

    @Test
    void writesTheGoalInVariedWords() {
        Vocabulary vocabulary = Vocabulary.standard();
        Goal goal = new Goal(Family.PICK_TWO_AND_PLACE, "knife", "drawer");
        Set<String> written = new HashSet<>();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100; i++) {
            String instruction = InstructionWriter.write(goal, vocabulary.object("knife"), random);
            assertThat(instruction).contains("knives").contains("drawer");
            written.add(instruction);
        }
        assertThat(written).hasSize(6);
        assertThat(InstructionWriter.write(new Goal(Family.PICK_AND_PLACE, "egg", "fridge"), vocabulary.object("egg"),
                new SplittableRandom(5))).contains("egg").doesNotContain(" a egg");
        assertThat(InstructionWriter.article("apple")).isEqualTo("an");
        assertThat(InstructionWriter.article("mug")).isEqualTo("a");
    }

    @Test
    void familiesHaveStableIds() {
        assertThat(Family.ids()).containsExactly("pick-and-place", "clean-and-place", "heat-and-place",
                "cool-and-place", "look-in-light", "pick-two-and-place");
        assertThat(Family.of("heat-and-place").appliance()).isEqualTo("microwave");
        assertThatThrownBy(() -> Family.of("dance"))
                .hasMessage("unknown task family 'dance'; known: [pick-and-place, clean-and-place, heat-and-place,"
                        + " cool-and-place, look-in-light, pick-two-and-place]");
    }
}
