package dev.kaizen.rememberer.memory.index;

import dev.kaizen.rememberer.memory.record.MemoryRecord;
import dev.kaizen.rememberer.memory.record.MemoryRecords;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The Lucene index of a memory, kept in step with its {@link MemoryRecords}: a document per record
 * ({@link MemoryDocuments}), in RAM or under {@code memory.path}, where every {@link #commit} makes
 * it durable. One index writer writes it and holds the path's write lock, so a path is open in one
 * memory at a time; searches go through {@link LiveStatisticsSearcher}s, refreshed after every
 * write. Not thread-safe. {@link #close} commits and releases the path.
 */
public final class MemoryIndex {

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final MemoryRecords records;
    private final MemoryDocuments documents;
    private final InstructionAnalyser analyser;

    private MemoryIndex(Path path, Directory directory, IndexWriter writer, MemoryRecords records,
                        MemoryDocuments documents, InstructionAnalyser analyser) throws IOException {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.records = records;
        this.documents = documents;
        this.analyser = analyser;
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                return new LiveStatisticsSearcher(reader, records.termCounts());
            }
        });
    }

    /**
     * Opens the index in RAM ({@code path} null) or at {@code path}; if a memory is stored there,
     * {@code records} are replaced by its records first. On failure, releases what it opened.
     *
     * @throws IllegalArgumentException if the path is not a directory, holds something other than a
     *     memory, or is in use by another open memory
     */
    public static MemoryIndex open(Path path, MemoryRecords records, InstructionAnalyser analyser) throws IOException {
        MemoryDocuments documents = new MemoryDocuments();
        Directory directory = null;
        IndexWriter writer = null;
        try {
            directory = path == null ? new ByteBuffersDirectory() : MemoryPath.open(path);
            if (DirectoryReader.indexExists(directory)) {
                try (DirectoryReader reader = DirectoryReader.open(directory)) {
                    StoredMemory.read(reader, "memory.path " + path, documents, analyser::terms).loadInto(records);
                }
            }
            try {
                writer = new IndexWriter(directory, writerConfig(analyser));
            } catch (LockObtainFailedException e) {
                throw new IllegalArgumentException("memory.path " + path + " is in use by another open memory"
                        + " (Lucene write lock held); close that memory first or use another path", e);
            }
            return new MemoryIndex(path, directory, writer, records, documents, analyser);
        } catch (IOException | RuntimeException e) {
            abandon(writer, directory);
            throw e;
        }
    }

    private static IndexWriterConfig writerConfig(InstructionAnalyser analyser) {
        IndexWriterConfig iwc = new IndexWriterConfig(analyser.analyzer());
        iwc.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        iwc.setCommitOnClose(false);
        // Refreshes follow every update; they must not wait for merges (the default waits up to 500 ms).
        iwc.setMaxFullFlushMergeWaitMillis(0);
        // Few segments: every query looks each term up once per segment.
        TieredMergePolicy merges = new TieredMergePolicy();
        merges.setSegmentsPerTier(2.0);
        merges.setMaxMergeAtOnce(4);
        iwc.setMergePolicy(merges);
        return iwc;
    }

    /**
     * Rewrites the documents of the {@code changed} records that are still held, deletes those of
     * the {@code evicted} ones, and refreshes the searchers.
     */
    public void write(Collection<MemoryRecord> changed, Set<MemoryRecord> evicted) throws IOException {
        for (MemoryRecord record : changed) {
            if (!evicted.contains(record)) {
                writer.updateDocument(MemoryDocuments.key(record), documents.document(record));
            }
        }
        for (MemoryRecord record : evicted) {
            writer.deleteDocuments(MemoryDocuments.key(record));
        }
        searchers.maybeRefreshBlocking();
    }

    /** Marks the next commit with the records' counters, and commits it if the index has a path. */
    public void commit() throws IOException {
        writer.setLiveCommitData(CommitData.of(records.nextId(), records.clock()));
        if (path != null) {
            writer.commit();
        }
    }

    /** A searcher over the latest refresh; {@link #release} it after use. */
    public IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    public void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    /** The number of index segments. */
    public int segments() throws IOException {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().leaves().size();
        } finally {
            release(searcher);
        }
    }

    /** Commits, then writes every record into {@code target} as a checkpoint. */
    public void save(Path target) throws IOException {
        commit();
        MemoryCheckpoint.write(target, records, documents, analyser);
    }

    /**
     * Replaces the records with the checkpoint in {@code source}, rewrites the index to match and
     * commits.
     *
     * @throws IOException if there is no checkpoint there, or it is not a memory or corrupt
     */
    public void load(Path source) throws IOException {
        MemoryCheckpoint.read(source, documents, analyser).loadInto(records);
        writer.deleteAll();
        documents.addAll(writer, records);
        searchers.maybeRefreshBlocking();
        commit();
    }

    /** Commits and closes the writer, releasing the path; the directory is closed in any case. */
    public void close() throws IOException {
        try {
            searchers.close();
            commit();
            writer.close();
        } finally {
            try {
                directory.close();
            } catch (IOException e) {
                // nothing was lost: the last commit is complete
            }
        }
    }

    /** Releases the path without committing, after a failure that is reported otherwise. */
    public void abandon() {
        abandon(writer, directory);
    }

    private static void abandon(IndexWriter writer, Directory directory) {
        if (writer != null) {
            quietly(writer::rollback);
        }
        if (directory != null) {
            quietly(directory::close);
        }
    }

    private static void quietly(Closeable release) {
        try {
            release.close();
        } catch (IOException | RuntimeException ignored) {
            // the original failure is reported
        }
    }
}
