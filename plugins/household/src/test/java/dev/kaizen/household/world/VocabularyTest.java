package dev.kaizen.household.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.household.goal.Family;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void theStandardVocabularyIsConsistent() {
        Vocabulary vocabulary = Vocabulary.standard();
        assertThat(vocabulary.rooms()).extracting(RoomSpec::name)
                .containsExactly("kitchen", "livingroom", "bedroom", "bathroom");
        for (RoomSpec room : vocabulary.rooms()) {
            for (String family : room.families()) {
                assertThat(Family.ids()).contains(family);
            }
            for (String object : room.objects()) {
                assertThat(vocabulary.object(object).places().keySet()).as(object + " in " + room.name())
                        .anyMatch(place -> room.receptacles().containsKey(place) && room.most(place) > 0);
            }
        }
        assertThat(vocabulary.receptacle("fridge").openable()).isTrue();
        assertThat(vocabulary.receptacle("countertop").openable()).isFalse();
        assertThat(vocabulary.object("knife").plural()).isEqualTo("knives");
        assertThat(vocabulary.object("mug").plural()).isEqualTo("mugs");
        assertThat(vocabulary.object("desklamp").portable()).isFalse();
        assertThat(vocabulary.object("egg").allows("heat")).isTrue();
        assertThat(vocabulary.object("book").allows("clean")).isFalse();
    }

    @Test
    void unknownNamesAreRejected() {
        assertThatThrownBy(() -> read("{\"receptacles\": [{\"name\": \"shelf\"}], \"objects\": [{\"name\": \"box\","
                + " \"places\": {\"moon\": 1}}], \"rooms\": []}")).hasMessageContaining("unknown receptacle 'moon'");
        assertThatThrownBy(() -> read("{\"receptacles\": [], \"objects\": [{\"name\": \"box\", \"places\": {},"
                + " \"abilities\": [\"fly\"]}], \"rooms\": []}")).hasMessageContaining("unknown ability 'fly'");
        assertThatThrownBy(() -> Vocabulary.standard().object("moon"))
                .hasMessageStartingWith("unknown object 'moon'; known: [apple");
    }

    private static Vocabulary read(String json) throws Exception {
        return Vocabulary.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
