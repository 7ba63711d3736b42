package dev.kaizen.rememberer.memory.index;

import static java.util.Objects.requireNonNull;

import dev.kaizen.rememberer.memory.record.InstructionTerms;
import dev.kaizen.rememberer.memory.record.MemoryRecord;
import dev.kaizen.rememberer.memory.record.MemoryRecords;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;

/**
 * The records read from a memory index, oldest first, with the counters stored in its commit.
 *
 * @param records the live records, by id
 * @param nextId the id the next new record gets: above every stored id
 * @param clock the update clock: at least every record's
 */
record StoredMemory(List<MemoryRecord> records, long nextId, long clock) {

    StoredMemory {
        records = List.copyOf(requireNonNull(records, "records is null"));
    }

    /**
     * Reads the live records of an index.
     *
     * @param where the index, for messages
     * @throws IllegalArgumentException if the index is not a memory, or a record is corrupt or stored twice
     */
    static StoredMemory read(DirectoryReader reader, String where, MemoryDocuments documents,
                             Function<String, InstructionTerms> analyse) throws IOException {
        Map<String, String> data = reader.getIndexCommit().getUserData();
        CommitData.requireMemory(data, where);
        List<MemoryRecord> records = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        long maxId = 0;
        long maxClock = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafReader leafReader = leaf.reader();
            Bits live = leafReader.getLiveDocs();
            StoredFields stored = leafReader.storedFields();
            for (int doc = 0; doc < leafReader.maxDoc(); doc++) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                MemoryRecord record = documents.record(stored.document(doc), doc, where, analyse);
                if (!keys.add(record.key())) {
                    throw new IllegalArgumentException(where + ": the state of record " + record.id() + " is stored twice");
                }
                records.add(record);
                maxId = Math.max(maxId, record.id());
                maxClock = Math.max(maxClock, record.touched());
            }
        }
        records.sort(Comparator.comparingLong(MemoryRecord::id));
        for (int i = 1; i < records.size(); i++) {
            if (records.get(i).id() == records.get(i - 1).id()) {
                throw new IllegalArgumentException(where + ": record id " + records.get(i).id() + " is stored twice");
            }
        }
        return new StoredMemory(records, Math.max(maxId + 1, CommitData.nextId(data, 1)),
                Math.max(maxClock, CommitData.clock(data, 0)));
    }

    /** Makes {@code target} hold exactly these records and counters. */
    void loadInto(MemoryRecords target) {
        target.replaceWith(records, nextId, clock);
    }
}
