package dev.kaizen.rememberer.memory.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommitDataTest {

    private static Map<String, String> data(long nextId, long clock) {
        Map<String, String> data = new HashMap<>();
        CommitData.of(nextId, clock).forEach(e -> data.put(e.getKey(), e.getValue()));
        return data;
    }

    @Test
    void theCountersComeBackAsWritten() {
        Map<String, String> data = data(42, 7);
        CommitData.requireMemory(data, "here");
        assertThat(CommitData.nextId(data, 1)).isEqualTo(42);
        assertThat(CommitData.clock(data, 0)).isEqualTo(7);
    }

    @Test
    void missingOrUnreadableCountersFallBack() {
        Map<String, String> data = data(42, 7);
        data.remove("nextId");
        data.put("clock", "soon");
        assertThat(CommitData.nextId(data, 1)).isEqualTo(1);
        assertThat(CommitData.clock(data, 0)).isZero();
    }

    @Test
    void anIndexWithoutTheFormatIsNotAMemory() {
        assertThatThrownBy(() -> CommitData.requireMemory(Map.of("format", "other/2"), "memory.path /x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memory.path /x holds a Lucene index that is not a memory (format 'other/2', expected '"
                        + CommitData.FORMAT + "'); point it to a new or empty directory");
    }
}
