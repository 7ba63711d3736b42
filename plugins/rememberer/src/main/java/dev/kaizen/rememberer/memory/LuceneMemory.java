package dev.kaizen.rememberer.memory;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.ObservationSimilarity;
import dev.kaizen.api.memory.ExperienceMemory;
import dev.kaizen.api.policy.ActionValue;
import dev.kaizen.api.policy.Advice;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.rememberer.memory.index.InstructionAnalyser;
import dev.kaizen.rememberer.memory.index.MemoryIndex;
import dev.kaizen.rememberer.memory.learning.NStepQLearning;
import dev.kaizen.rememberer.memory.learning.QValueUpdate;
import dev.kaizen.rememberer.memory.learning.UpdateResult;
import dev.kaizen.rememberer.memory.record.ActionEntry;
import dev.kaizen.rememberer.memory.record.CapacityEviction;
import dev.kaizen.rememberer.memory.record.MemoryRecord;
import dev.kaizen.rememberer.memory.record.MemoryRecords;
import dev.kaizen.rememberer.memory.retrieval.InstructionSimilarity;
import dev.kaizen.rememberer.memory.retrieval.MemoryRetriever;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * The {@code lucene} experience memory (Rememberer). Records are keyed by (task instruction,
 * observation text) and hold, per action tried there, a Q-value, a visit count and the last reward.
 *
 * <h2>Storage</h2>
 * Every record is a document of a Lucene index ({@link MemoryIndex}): the instruction as analysed
 * text (English analyser: lower case, stop words, Porter stems), the record's id as a doc value,
 * and the record itself as stored JSON. The index lives in RAM, or under {@code path}, where it is
 * committed at every checkpoint ({@link #save}, i.e. at the end of every stage of a run) and on
 * {@link #close}, so that a memory opened later on the same path starts from these records. An
 * index is opened by one memory at a time (Lucene's write lock); a second memory on a path in use
 * fails with a message saying so. The records are also held on the heap ({@link MemoryRecords})
 * for updates and exact scoring.
 *
 * <h2>Retrieval</h2>
 * For each context a BM25 query over the instruction's terms preselects the {@code candidates}
 * records whose instructions match best (each task leaves a record per page it visited, so these
 * cover the pages of the most similar tasks); they are ranked by
 * {@code S = λ·f_g(g, g_i) + (1−λ)·f_o(o, o_i)} and the top ones returned as {@link Advice}
 * ({@link MemoryRetriever}). With at most {@code candidates} records, or with {@code λ = 0}
 * (instructions do not count), every record is ranked. Ties in {@code S} go to the record of the
 * very same observation text, then of the same instruction, then to the older record. BM25's
 * statistics are computed over the live records only (not Lucene's, which count deleted documents
 * until a merge), and ties are broken by record id, so retrieval depends only on the records held:
 * a memory reloaded from a checkpoint retrieves exactly as the one that wrote it.
 *
 * <h2>Learning</h2>
 * {@link #update} applies {@link NStepQLearning} to every step of every finished episode (episodes
 * that ended with an error are skipped), last step first so that n-step targets bootstrap from
 * values already updated with this episode ({@link QValueUpdate}). Then, if there are more than
 * {@code capacity} records, the least useful (fewest visits, then least recently updated) of those
 * this update did not touch are evicted first ({@link CapacityEviction}).
 *
 * <p>Not thread-safe: one thread at a time. The creator closes it (which commits and releases
 * the path).
 */
public final class LuceneMemory implements ExperienceMemory {

    private final LuceneMemoryConfig config;
    private final MetricsSink metrics;
    /** Where the memory lives, for messages: {@code (in RAM)} or {@code at PATH}. */
    private final String location;
    private final MemoryRecords records = new MemoryRecords();
    private final InstructionAnalyser analyser = new InstructionAnalyser();
    private final CapacityEviction eviction;
    private final MemoryIndex index;
    private final QValueUpdate learning;
    private final MemoryRetriever retriever;
    private boolean closed;

    /**
     * Opens the memory: in RAM, or at {@code config.path()}, loading the records stored there.
     *
     * @param metrics receives one {@code memory-update} event per {@link #update}
     * @throws IllegalArgumentException if the path is not a directory, holds something other than a
     *     memory, or is in use by another open memory
     * @throws UncheckedIOException if the index cannot be read or written
     */
    public LuceneMemory(LuceneMemoryConfig config, MetricsSink metrics) {
        this.config = requireNonNull(config, "config is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        NStepQLearning rule = new NStepQLearning(config.constantAlpha(), config.gamma(), config.nStep());
        InstructionSimilarity instructionSimilarity = InstructionSimilarity.of(config.instructionSimilarity());
        Path path = config.path() == null ? null : Path.of(config.path()).toAbsolutePath();
        this.location = path == null ? "(in RAM)" : "at " + path;
        this.eviction = new CapacityEviction(config.capacity());
        MemoryIndex opened = null;
        try {
            opened = MemoryIndex.open(path, records, analyser);
            opened.write(List.of(), eviction.evictOverCapacity(records));
            opened.commit();
        } catch (IOException e) {
            abandon(opened);
            throw new UncheckedIOException("cannot open the memory " + location + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            abandon(opened);
            throw e;
        }
        this.index = opened;
        this.learning = new QValueUpdate(rule, config.actionsPerRecord(), records, analyser::terms);
        this.retriever = new MemoryRetriever(records, index, analyser, config.lambda(), config.candidates(),
                instructionSimilarity);
    }

    /** Releases an index opened by a constructor that fails (one that failed to open released itself). */
    private static void abandon(MemoryIndex opened) {
        if (opened != null) {
            opened.abandon();
        }
    }

    @Override
    public List<List<Advice>> retrieve(List<AgentContext> contexts, int limit,
                                       ObservationSimilarity observationSimilarity) {
        requireNonNull(contexts, "contexts is null");
        requireNonNull(observationSimilarity, "observationSimilarity is null");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        ensureOpen();
        try {
            return retriever.retrieve(contexts, limit, observationSimilarity);
        } catch (IOException e) {
            throw new UncheckedIOException("memory retrieval failed " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void update(List<Trajectory> trajectories) {
        requireNonNull(trajectories, "trajectories is null");
        ensureOpen();
        UpdateResult result = learning.apply(trajectories);
        Set<MemoryRecord> evicted = eviction.evictOverCapacity(records);
        try {
            index.write(result.changed(), evicted);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the memory " + location + ": " + e.getMessage(), e);
        }
        metrics.record("memory-update", Map.of("episodes", result.episodes(), "skipped", result.skipped(),
                "steps", result.steps(), "created", result.created(), "evicted", evicted.size(),
                "evictedActions", result.evictedActions(), "records", records.size()));
    }

    /**
     * Writes every record into {@code directory} as a Lucene index (a checkpoint); a memory with a
     * path also commits there.
     */
    @Override
    public void save(Path target) throws IOException {
        ensureOpen();
        index.save(target);
    }

    /** Replaces the memory with a checkpoint written by {@link #save}; a memory with a path rewrites it too. */
    @Override
    public void load(Path source) throws IOException {
        ensureOpen();
        index.load(source);
    }

    @Override
    public int size() {
        return records.size();
    }

    /** The remembered values in the state (instruction, observation text), best first; empty if unknown. */
    public List<ActionValue> values(String instruction, String observationText) {
        MemoryRecord record = records.get(instruction, observationText);
        return record == null ? List.of() : record.values();
    }

    /** The last reward remembered for an action in a state, or NaN if it was never tried there. */
    public double lastReward(String instruction, String observationText, Action action) {
        MemoryRecord record = records.get(instruction, observationText);
        ActionEntry entry = record == null ? null : record.action(action);
        return entry == null ? Double.NaN : entry.lastReward();
    }

    /** The number of index segments (for diagnostics and benchmarks). */
    public int segments() {
        ensureOpen();
        try {
            return index.segments();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The config this memory was opened with. */
    public LuceneMemoryConfig config() {
        return config;
    }

    /** BM25's inverse document frequency over the records held. */
    double inverseDocumentFrequency(String term) {
        return records.termCounts().inverseDocumentFrequency(term);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the memory " + location + " is closed");
        }
    }

    /** Commits (with a path) and releases the index. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            index.close();
        } catch (IOException | AlreadyClosedException e) {
            throw new UncheckedIOException("cannot close the memory " + location + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        } finally {
            analyser.close();
        }
    }
}
