package dev.kaizen.api.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservationTest {

    @Test
    void infoAndDescriptionsKeepTheirOrderSoThatTrajectoriesReadTheSameOnEveryRun() {
        Map<String, String> info = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (int i = 20; i > 0; i--) {
            info.put("key" + i, "v" + i);
            descriptions.put("click[item" + i + "]", "item " + i);
        }
        Observation observation = new Observation("page", List.of(), List.of(), false, 0, info, descriptions);
        assertThat(observation.info().keySet()).containsExactlyElementsOf(info.keySet());
        assertThat(observation.descriptions().keySet()).containsExactlyElementsOf(descriptions.keySet());
        assertThat(new Task("t", Split.TRAIN, "do it", info).info().keySet()).containsExactlyElementsOf(info.keySet());
        assertThatThrownBy(() -> observation.info().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        info.put("later", "changes nothing");
        assertThat(observation.info()).doesNotContainKey("later");
        assertThat(observation).isEqualTo(new Observation("page", List.of(), List.of(), false, 0,
                new HashMap<>(observation.info()), new HashMap<>(descriptions)));
    }

    @Test
    void nullKeysAndValuesAreRejectedWithWhereTheyAre() {
        Map<String, String> info = new HashMap<>();
        info.put("page", null);
        assertThatThrownBy(() -> new Observation("page", List.of(), List.of(), false, 0, info, Map.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("info has a null value for 'page'");
        Map<String, String> descriptions = new HashMap<>();
        descriptions.put(null, "x");
        assertThatThrownBy(() -> new Observation("page", List.of(), List.of(), false, 0, Map.of(), descriptions))
                .isInstanceOf(NullPointerException.class).hasMessage("descriptions has a null key");
    }
}
