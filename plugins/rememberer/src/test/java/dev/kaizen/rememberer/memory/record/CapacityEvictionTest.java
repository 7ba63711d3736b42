package dev.kaizen.rememberer.memory.record;

import static dev.kaizen.rememberer.memory.record.MemoryRecordsTest.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.env.Action;
import org.junit.jupiter.api.Test;

class CapacityEvictionTest {

    private static MemoryRecord visited(long id, String observation, int visits, long touched) {
        MemoryRecord record = record(id, "g", observation, touched, "g");
        record.restore(new ActionEntry(Action.of("click[a]"), 0.0, visits, 0.0, touched));
        return record;
    }

    @Test
    void withinCapacityNothingGoes() {
        MemoryRecords records = new MemoryRecords();
        records.add(visited(1, "a", 1, 0));
        assertThat(new CapacityEviction(1).evictOverCapacity(records)).isEmpty();
        assertThat(records.size()).isEqualTo(1);
    }

    @Test
    void theLeastUsefulUntouchedRecordsGoFirst() {
        MemoryRecords records = new MemoryRecords();
        records.tick();
        records.tick();
        // touched by the latest update (clock 2): kept although it has the fewest visits
        MemoryRecord fresh = records.add(visited(1, "fresh", 1, 2));
        MemoryRecord popular = records.add(visited(2, "popular", 5, 1));
        MemoryRecord older = records.add(visited(3, "older", 2, 0));
        MemoryRecord newer = records.add(visited(4, "newer", 2, 1));
        assertThat(new CapacityEviction(2).evictOverCapacity(records)).containsExactly(older, newer);
        assertThat(records.sortedById()).containsExactly(fresh, popular);
    }

    @Test
    void theCapacityMustBePositive() {
        assertThatThrownBy(() -> new CapacityEviction(0)).hasMessageContaining("capacity must be >= 1, got 0");
    }
}
