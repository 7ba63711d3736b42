package dev.kaizen.rememberer.memory.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kaizen.api.env.Observation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryRecordsTest {

    static MemoryRecord record(long id, String instruction, String observation, long touched, String... terms) {
        InstructionTerms analysed = terms.length == 0 ? InstructionTerms.EMPTY : new InstructionTerms(terms, terms.length);
        return new MemoryRecord(id, instruction, new Observation(observation, List.of(), List.of(), false, 0.0, Map.of()),
                analysed, touched);
    }

    @Test
    void termCountsFollowTheRecordsHeld() {
        MemoryRecords records = new MemoryRecords();
        MemoryRecord shoes = records.add(record(1, "red shoes", "o", 0, "red", "shoe"));
        records.add(record(2, "red hat", "o", 0, "hat", "red"));
        records.add(record(3, "the", "o", 0));
        InstructionTermCounts counts = records.termCounts();
        assertThat(counts.documentFrequency("red")).isEqualTo(2);
        assertThat(counts.recordsWithTerms()).isEqualTo(2);
        assertThat(counts.sumUniqueTerms()).isEqualTo(4);
        assertThat(counts.inverseDocumentFrequency("red")).isCloseTo(Math.log(1 + 0.5 / 2.5), within(1e-15));

        records.remove(shoes);
        assertThat(counts.documentFrequency("red")).isEqualTo(1);
        assertThat(counts.documentFrequency("shoe")).isZero();
        assertThat(counts.recordsWithTerms()).isEqualTo(1);
        assertThat(counts.sumUniqueTerms()).isEqualTo(2);
        assertThat(records.get("red shoes", "o")).isNull();
        assertThat(records.byId(2).instruction()).isEqualTo("red hat");
        assertThat(records.size()).isEqualTo(2);
    }

    @Test
    void everyChangeOfTheRecordsHeldAdvancesTheGeneration() {
        MemoryRecords records = new MemoryRecords();
        long start = records.generation();
        MemoryRecord record = records.add(record(1, "g", "o", 0, "g"));
        long added = records.generation();
        assertThat(added).isGreaterThan(start);
        record.touch(5);
        assertThat(records.generation()).isEqualTo(added);
        records.remove(record);
        assertThat(records.generation()).isGreaterThan(added);
        long removed = records.generation();
        records.replaceWith(List.of(), 1, 0);
        assertThat(records.generation()).isGreaterThan(removed);
    }

    @Test
    void replacingSetsTheRecordsAndCounters() {
        MemoryRecords records = new MemoryRecords();
        records.add(record(records.newId(), "g", "old", records.tick(), "g"));
        assertThat(records.nextId()).isEqualTo(2);
        assertThat(records.clock()).isEqualTo(1);
        records.replaceWith(List.of(record(9, "g", "b", 4, "g"), record(7, "g", "a", 3, "g")), 10, 6);
        assertThat(records.sortedById()).extracting(MemoryRecord::id).containsExactly(7L, 9L);
        assertThat(records.get("g", "old")).isNull();
        assertThat(records.termCounts().documentFrequency("g")).isEqualTo(2);
        assertThat(records.newId()).isEqualTo(10);
        assertThat(records.nextId()).isEqualTo(11);
        assertThat(records.tick()).isEqualTo(7);
    }
}
