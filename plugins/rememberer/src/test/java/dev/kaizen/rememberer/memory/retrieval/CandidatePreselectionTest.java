package dev.kaizen.rememberer.memory.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.api.env.Observation;
import dev.kaizen.rememberer.memory.index.InstructionAnalyser;
import dev.kaizen.rememberer.memory.index.MemoryIndex;
import dev.kaizen.rememberer.memory.record.MemoryRecord;
import dev.kaizen.rememberer.memory.record.MemoryRecords;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;

class CandidatePreselectionTest {

    private final MemoryRecords records = new MemoryRecords();
    private final InstructionAnalyser analyser = new InstructionAnalyser();

    private MemoryRecord add(String instruction) {
        return records.add(new MemoryRecord(records.newId(), instruction,
                new Observation("page", List.of(), List.of(), false, 0.0, Map.of()), analyser.terms(instruction), 0));
    }

    private List<MemoryRecord> candidates(MemoryIndex index, CandidatePreselection preselection, String instruction)
            throws Exception {
        IndexSearcher searcher = index.acquire();
        try {
            return preselection.candidates(searcher, instruction, analyser.terms(instruction));
        } finally {
            index.release(searcher);
        }
    }

    @Test
    void theBestMatchesComeFirstTiesByIdAndTheyAreRecomputedWhenTheRecordsChange() throws Exception {
        MemoryIndex index = MemoryIndex.open(null, records, analyser);
        try {
            MemoryRecord hat = add("blue hat");
            add("green scarf");
            MemoryRecord shoes = add("blue shoes");
            add("yellow lamp");
            index.write(records.sortedById(), Set.of());
            CandidatePreselection preselection = new CandidatePreselection(records, 2);

            List<MemoryRecord> first = candidates(index, preselection, "blue shoes");
            assertThat(first).containsExactly(shoes, hat);
            assertThat(candidates(index, preselection, "blue shoes")).isSameAs(first);

            // the same terms (another state): it ties with shoes, and the older record goes first
            MemoryRecord same = add("the blue shoes");
            index.write(List.of(same), Set.of());
            assertThat(candidates(index, preselection, "blue shoes")).containsExactly(shoes, same);
        } finally {
            index.close();
            analyser.close();
        }
    }
}
