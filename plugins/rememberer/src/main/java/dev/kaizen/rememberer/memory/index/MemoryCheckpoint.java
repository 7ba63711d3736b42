package dev.kaizen.rememberer.memory.index;

import dev.kaizen.rememberer.memory.record.MemoryRecords;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Checkpoints of a memory (a run writes one with every stage): every record, oldest first, written
 * as a fresh Lucene index whose commit carries the {@link CommitData}, and read back whole.
 */
final class MemoryCheckpoint {

    private MemoryCheckpoint() {
    }

    /** Writes every record of {@code records} into {@code target}, replacing what is there. */
    static void write(Path target, MemoryRecords records, MemoryDocuments documents, InstructionAnalyser analyser)
            throws IOException {
        try (Directory out = FSDirectory.open(target);
             IndexWriter checkpoint = new IndexWriter(out, new IndexWriterConfig(analyser.analyzer())
                     .setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            documents.addAll(checkpoint, records);
            checkpoint.setLiveCommitData(CommitData.of(records.nextId(), records.clock()));
            checkpoint.commit();
        }
    }

    /**
     * Reads the checkpoint in {@code source}.
     *
     * @throws IOException if there is none, or it is not a memory or is corrupt (the message says which)
     */
    static StoredMemory read(Path source, MemoryDocuments documents, InstructionAnalyser analyser) throws IOException {
        try (Directory in = FSDirectory.open(source)) {
            if (!DirectoryReader.indexExists(in)) {
                throw new IOException("no memory checkpoint in " + source);
            }
            try (DirectoryReader reader = DirectoryReader.open(in)) {
                return StoredMemory.read(reader, "memory checkpoint " + source, documents, analyser::terms);
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
