package dev.kaizen.rememberer.memory;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.ObservationSimilarity;
import dev.kaizen.api.memory.ExperienceMemory;
import dev.kaizen.api.policy.ActionValue;
import dev.kaizen.api.policy.Advice;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;

/**
 * The {@code lucene} experience memory (Rememberer). Records are keyed by (task instruction,
 * observation text) and hold, per action tried there, a Q-value, a visit count and the last reward.
 *
 * <h2>Storage</h2>
 * Every record is a document of a Lucene index: the instruction as analysed text (English
 * analyser: lower case, stop words, Porter stems), the record's id as a doc value, and the record
 * itself as stored JSON. The index lives in RAM, or under {@code path}, where it is
 * committed at every checkpoint ({@link #save}, i.e. at the end of every stage of a run) and on
 * {@link #close}, so that a memory opened later on the same path starts from these records. An index is opened by one memory at a time (Lucene's write
 * lock); a second memory on a path in use fails with a message saying so. The records are also
 * held on the heap for updates and exact scoring.
 *
 * <h2>Retrieval</h2>
 * For each context a BM25 query over the instruction's terms preselects the {@code candidates}
 * records whose instructions match best (each task leaves a record per page it visited, so these
 * cover the pages of the most similar tasks); they are ranked by
 * {@code S = λ·f_g(g, g_i) + (1−λ)·f_o(o, o_i)} and the top ones returned as {@link Advice}. With
 * at most {@code candidates} records, or with {@code λ = 0} (instructions do not count), every
 * record is ranked. Ties in {@code S} go to the record of
 * the very same observation text, then of the same instruction, then to the older record. BM25's statistics are computed over
 * the live records only (not Lucene's, which count deleted documents until a merge), and ties are
 * broken by record id, so retrieval depends only on the records held: a memory reloaded from a
 * checkpoint retrieves exactly as the one that wrote it.
 *
 * <h2>Learning</h2>
 * {@link #update} applies {@link NStepQLearning} to every step of every finished episode (episodes
 * that ended with an error are skipped), last step first so that n-step targets bootstrap from
 * values already updated with this episode. Then, if there are more than {@code capacity} records,
 * the least useful (fewest visits, then least recently updated) of those this update did not touch
 * are evicted first.
 *
 * <p>Not thread-safe: one thread at a time. The creator closes it (which commits and releases
 * the path).
 */
public final class LuceneMemory implements ExperienceMemory {

    /** Written into every commit; a directory without it is not a memory. */
    static final String FORMAT = "kaizen-lucene-memory/1";

    private static final String FIELD_KEY = "key";
    private static final String FIELD_INSTRUCTION = "instruction";
    private static final String FIELD_ID = "id";
    private static final String FIELD_RECORD = "record";
    private static final String DATA_FORMAT = "format";
    private static final String DATA_NEXT_ID = "nextId";
    private static final String DATA_CLOCK = "clock";
    private static final int MAX_QUERY_TERMS = 5;
    private static final int MIN_QUERY_TERMS = 4;
    /** Terms only: no frequencies or norms (instructions are short; a term rarely repeats in one). */
    private static final FieldType INSTRUCTION_TYPE = instructionType();

    private static FieldType instructionType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    private final LuceneMemoryConfig config;
    private final NStepQLearning rule;
    private final InstructionSimilarity instructionSimilarity;
    private final MetricsSink metrics;
    private final Path path;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final RecordCodec codec = new RecordCodec();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, MemoryRecord> byKey = new HashMap<>();
    private final Map<Long, MemoryRecord> byId = new HashMap<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final Map<String, InstructionTerms> analysed = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, InstructionTerms> eldest) {
            return size() > 4096;
        }
    };
    /** Preselected candidates by instruction, valid until the records change. */
    private final Map<String, List<MemoryRecord>> preselected = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<MemoryRecord>> eldest) {
            return size() > 1024;
        }
    };
    private long recordsWithTerms;
    private long sumUniqueTerms;
    private long nextId = 1;
    private long clock;
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
        this.rule = NStepQLearning.of(config);
        this.instructionSimilarity = InstructionSimilarity.of(config.instructionSimilarity());
        this.path = config.path() == null ? null : Path.of(config.path()).toAbsolutePath();
        Directory opened = null;
        IndexWriter openedWriter = null;
        try {
            opened = path == null ? new ByteBuffersDirectory() : openDirectory(path);
            if (DirectoryReader.indexExists(opened)) {
                try (DirectoryReader reader = DirectoryReader.open(opened)) {
                    replaceWith(read(reader, "memory.path " + path));
                }
            }
            try {
                openedWriter = new IndexWriter(opened, writerConfig());
            } catch (LockObtainFailedException e) {
                throw new IllegalArgumentException("memory.path " + path + " is in use by another open memory"
                        + " (Lucene write lock held); close that memory first or use another path", e);
            }
            this.directory = opened;
            this.writer = openedWriter;
            this.searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    return new LiveStatisticsSearcher(reader);
                }
            });
            Set<MemoryRecord> evicted = evictOverCapacity();
            for (MemoryRecord record : evicted) {
                writer.deleteDocuments(new Term(FIELD_KEY, record.key()));
            }
            searchers.maybeRefreshBlocking();
            commit();
        } catch (IOException e) {
            closeQuietly(openedWriter, opened);
            throw new UncheckedIOException("cannot open the memory " + describe() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(openedWriter, opened);
            throw e;
        }
    }

    private static Directory openDirectory(Path path) throws IOException {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new IllegalArgumentException("memory.path " + path + " is a file; it must be a directory (new or"
                    + " holding a memory)");
        }
        Files.createDirectories(path);
        FSDirectory directory = FSDirectory.open(path);
        if (!DirectoryReader.indexExists(directory)) {
            try (Stream<Path> files = Files.list(path)) {
                List<String> names = files.map(p -> p.getFileName().toString())
                        .filter(n -> !n.equals("write.lock")).sorted().limit(5).toList();
                if (!names.isEmpty()) {
                    directory.close();
                    throw new IllegalArgumentException("memory.path " + path + " holds files that are not a memory ("
                            + String.join(", ", names) + "); point it to a new or empty directory, or to one a"
                            + " memory was saved in");
                }
            }
        }
        return directory;
    }

    private IndexWriterConfig writerConfig() {
        IndexWriterConfig iwc = new IndexWriterConfig(analyzer);
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

    private String describe() {
        return path == null ? "(in RAM)" : "at " + path;
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
        List<List<Advice>> out = new ArrayList<>(contexts.size());
        if (limit == 0 || byKey.isEmpty()) {
            contexts.forEach(c -> out.add(List.of()));
            return out;
        }
        try {
            boolean exact = byKey.size() <= config.candidates() || config.lambda() == 0.0;
            IndexSearcher searcher = exact ? null : searchers.acquire();
            try {
                for (AgentContext context : contexts) {
                    out.add(retrieve(context, limit, observationSimilarity, searcher));
                }
            } finally {
                if (searcher != null) {
                    searchers.release(searcher);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("memory retrieval failed " + describe() + ": " + e.getMessage(), e);
        }
        return out;
    }

    private List<Advice> retrieve(AgentContext context, int limit, ObservationSimilarity observationSimilarity,
                                  IndexSearcher searcher) throws IOException {
        String instruction = context.task().instruction();
        InstructionTerms terms = analyse(instruction);
        List<MemoryRecord> candidates;
        if (searcher == null) {
            candidates = new ArrayList<>(byKey.values());
        } else {
            List<MemoryRecord> cached = preselected.get(instruction);
            if (cached == null) {
                cached = preselect(searcher, query(terms));
                preselected.put(instruction, cached);
            }
            candidates = cached;
        }
        Map<String, Double> weights = new HashMap<>();
        int size = candidates.size();
        double[] scores = new double[size];
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            MemoryRecord record = candidates.get(i);
            double fg = instructionSimilarity(instruction, terms, record, weights);
            double fo = observationSimilarity.between(context.observation(), record.observation());
            if (!(fo >= 0 && fo <= 1)) {
                throw new IllegalStateException("the environment's observation similarity returned " + fo
                        + "; it must be in [0, 1]");
            }
            scores[i] = Math.min(1.0, Math.max(0.0, config.lambda() * fg + (1 - config.lambda()) * fo));
            order[i] = i;
        }
        String text = context.observation().text();
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i])
                .thenComparing(i -> !candidates.get(i).observation().text().equals(text))
                .thenComparing(i -> !candidates.get(i).instruction().equals(instruction))
                .thenComparingLong(i -> candidates.get(i).id()));
        List<Advice> advice = new ArrayList<>(Math.min(limit, size));
        for (int k = 0; k < Math.min(limit, size); k++) {
            MemoryRecord record = candidates.get(order[k]);
            advice.add(new Advice(record.instruction(), record.observation().text(), record.values(), scores[order[k]]));
        }
        return advice;
    }

    /**
     * The {@code candidates} best-scoring records for a query, ties broken by record id, so that
     * the result depends on the records only (not on how the index is segmented). Collects twice
     * as many hits by score (Lucene's fast path), keeps those scoring strictly above the lowest
     * collected score when the collection was full (the records tied at that score may continue
     * beyond it; if that leaves too few, it collects more), then orders by score and id.
     */
    private List<MemoryRecord> preselect(IndexSearcher searcher, Query query) throws IOException {
        int wanted = config.candidates();
        int collect = Math.max(2 * wanted, wanted + 16);
        List<ScoreDoc> kept = new ArrayList<>();
        while (true) {
            // Exact hit counts are not needed: pruning may start as soon as the queue is full.
            ScoreDoc[] hits = searcher.search(query, new TopScoreDocCollectorManager(collect, collect)).scoreDocs;
            boolean full = hits.length == collect;
            float floor = full ? hits[hits.length - 1].score : Float.NEGATIVE_INFINITY;
            kept.clear();
            for (ScoreDoc hit : hits) {
                if (hit.score > floor) {
                    kept.add(hit);
                }
            }
            if (!full || kept.size() >= wanted || collect >= byKey.size()) {
                break;
            }
            // A tie at the floor hides too many candidates: collect more until it is complete.
            collect = (int) Math.min(byKey.size(), 4L * collect);
        }
        kept.sort(Comparator.comparingInt(h -> h.doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        long[] ids = new long[kept.size()];
        int leafIndex = -1;
        NumericDocValues values = null;
        for (int i = 0; i < kept.size(); i++) {
            int doc = kept.get(i).doc;
            int next = ReaderUtil.subIndex(doc, leaves);
            if (next != leafIndex) {
                leafIndex = next;
                values = leaves.get(leafIndex).reader().getNumericDocValues(FIELD_ID);
            }
            int local = doc - leaves.get(leafIndex).docBase;
            if (values == null || !values.advanceExact(local)) {
                throw new IllegalStateException("memory index document " + doc + " has no record id");
            }
            ids[i] = values.longValue();
        }
        Integer[] order = new Integer[kept.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -kept.get(i).score)
                .thenComparingLong(i -> ids[i]));
        List<MemoryRecord> out = new ArrayList<>(Math.min(wanted, order.length));
        for (int k = 0; k < order.length && out.size() < wanted; k++) {
            MemoryRecord record = byId.get(ids[order[k]]);
            if (record != null) {
                out.add(record);
            }
        }
        return out;
    }

    /**
     * The preselection query: the instruction's rarest terms, at most {@value #MAX_QUERY_TERMS};
     * terms in more than half of the records are left out once {@value #MIN_QUERY_TERMS} rarer
     * ones are in, as they hardly change BM25's ranking but cost the most to score.
     */
    private Query query(InstructionTerms terms) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        String[] byRarity = terms.terms().clone();
        java.util.Arrays.sort(byRarity, Comparator.comparingInt((String t) -> documentFrequency.getOrDefault(t, 0))
                .thenComparing(Comparator.naturalOrder()));
        int clauses = 0;
        for (String term : byRarity) {
            if (clauses >= MAX_QUERY_TERMS
                    || (clauses >= MIN_QUERY_TERMS && documentFrequency.getOrDefault(term, 0) * 2L > recordsWithTerms)) {
                break;
            }
            builder.add(new TermQuery(new Term(FIELD_INSTRUCTION, term)), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        return clauses == 0 ? new MatchAllDocsQuery() : builder.build();
    }

    private double instructionSimilarity(String instruction, InstructionTerms terms, MemoryRecord record,
                                         Map<String, Double> weights) {
        return switch (instructionSimilarity) {
            case EXACT -> instruction.equals(record.instruction()) ? 1.0 : 0.0;
            case OVERLAP -> overlap(terms, record.terms(), null);
            case WEIGHTED_OVERLAP -> overlap(terms, record.terms(), weights);
        };
    }

    /** Jaccard overlap of two sorted term sets; weighted by inverse document frequency if {@code weights} is given. */
    private double overlap(InstructionTerms a, InstructionTerms b, Map<String, Double> weights) {
        String[] x = a.terms();
        String[] y = b.terms();
        if (x.length == 0 && y.length == 0) {
            return 1.0;
        }
        double shared = 0;
        double union = 0;
        int i = 0;
        int j = 0;
        while (i < x.length || j < y.length) {
            int cmp = i == x.length ? 1 : j == y.length ? -1 : x[i].compareTo(y[j]);
            String term = cmp <= 0 ? x[i] : y[j];
            double w = weights == null ? 1.0 : weights.computeIfAbsent(term, this::inverseDocumentFrequency);
            union += w;
            if (cmp == 0) {
                shared += w;
                i++;
                j++;
            } else if (cmp < 0) {
                i++;
            } else {
                j++;
            }
        }
        return union == 0 ? 0.0 : shared / union;
    }

    /** BM25's inverse document frequency over the records held. */
    double inverseDocumentFrequency(String term) {
        double n = recordsWithTerms;
        double df = documentFrequency.getOrDefault(term, 0);
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    @Override
    public void update(List<Trajectory> trajectories) {
        requireNonNull(trajectories, "trajectories is null");
        ensureOpen();
        clock++;
        Set<MemoryRecord> changed = new LinkedHashSet<>();
        int skipped = 0;
        int steps = 0;
        int created = 0;
        int evictedActions = 0;
        for (Trajectory trajectory : trajectories) {
            if (trajectory.error() != null) {
                skipped++;
                continue;
            }
            String instruction = trajectory.task().instruction();
            List<Step> list = trajectory.steps();
            int length = list.size();
            double[] rewards = new double[length];
            for (int t = 0; t < length; t++) {
                rewards[t] = list.get(t).reward();
            }
            for (int t = length - 1; t >= 0; t--) {
                double bootstrap = 0;
                if (rule.bootstraps(t, length)) {
                    MemoryRecord next = byKey.get(MemoryRecord.key(instruction,
                            list.get(rule.bootstrapStep(t)).observation().text()));
                    bootstrap = next == null ? 0.0 : next.maxValue();
                }
                double target = rule.target(rewards, t, bootstrap);
                Step step = list.get(t);
                MemoryRecord record = byKey.get(MemoryRecord.key(instruction, step.observation().text()));
                if (record == null) {
                    record = add(new MemoryRecord(nextId++, instruction, step.observation(), analyse(instruction), clock));
                    created++;
                }
                ActionEntry old = record.action(step.action());
                int visits = old == null ? 1 : old.visits() + 1;
                double value = rule.updated(old == null ? 0.0 : old.value(), visits, target);
                if (record.put(new ActionEntry(step.action(), value, visits, step.reward(), clock),
                        config.actionsPerRecord())) {
                    evictedActions++;
                }
                record.touch(clock);
                changed.add(record);
                steps++;
            }
        }
        Set<MemoryRecord> evicted = evictOverCapacity();
        try {
            for (MemoryRecord record : changed) {
                if (!evicted.contains(record)) {
                    writer.updateDocument(new Term(FIELD_KEY, record.key()), document(record));
                }
            }
            for (MemoryRecord record : evicted) {
                writer.deleteDocuments(new Term(FIELD_KEY, record.key()));
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the memory " + describe() + ": " + e.getMessage(), e);
        }
        metrics.record("memory-update", Map.of("episodes", trajectories.size() - skipped, "skipped", skipped,
                "steps", steps, "created", created, "evicted", evicted.size(), "evictedActions", evictedActions,
                "records", byKey.size()));
    }

    /** Evicts the least useful records down to capacity, untouched by the latest update first. */
    private Set<MemoryRecord> evictOverCapacity() {
        int excess = byKey.size() - config.capacity();
        if (excess <= 0) {
            return Set.of();
        }
        long now = clock;
        List<MemoryRecord> order = new ArrayList<>(byKey.values());
        order.sort(Comparator.comparingInt((MemoryRecord r) -> r.touched() == now ? 1 : 0)
                .thenComparing(MemoryRecord.LEAST_USEFUL));
        Set<MemoryRecord> evicted = new LinkedHashSet<>();
        for (int i = 0; i < excess; i++) {
            MemoryRecord record = order.get(i);
            remove(record);
            evicted.add(record);
        }
        return evicted;
    }

    private MemoryRecord add(MemoryRecord record) {
        preselected.clear();
        byKey.put(record.key(), record);
        byId.put(record.id(), record);
        InstructionTerms terms = record.terms();
        if (terms.terms().length > 0) {
            recordsWithTerms++;
            sumUniqueTerms += terms.terms().length;
            for (String term : terms.terms()) {
                documentFrequency.merge(term, 1, Integer::sum);
            }
        }
        return record;
    }

    private void remove(MemoryRecord record) {
        preselected.clear();
        byKey.remove(record.key());
        byId.remove(record.id());
        InstructionTerms terms = record.terms();
        if (terms.terms().length > 0) {
            recordsWithTerms--;
            sumUniqueTerms -= terms.terms().length;
            for (String term : terms.terms()) {
                documentFrequency.computeIfPresent(term, (k, v) -> v == 1 ? null : v - 1);
            }
        }
    }

    private void clear() {
        preselected.clear();
        byKey.clear();
        byId.clear();
        documentFrequency.clear();
        recordsWithTerms = 0;
        sumUniqueTerms = 0;
    }

    /** The analysed terms of an instruction (cached). */
    InstructionTerms analyse(String instruction) {
        InstructionTerms cached = analysed.get(instruction);
        if (cached != null) {
            return cached;
        }
        TreeSet<String> terms = new TreeSet<>();
        int length = 0;
        try (TokenStream stream = analyzer.tokenStream(FIELD_INSTRUCTION, instruction)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
                length++;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse instruction: " + e.getMessage(), e);
        }
        InstructionTerms result = terms.isEmpty() ? InstructionTerms.EMPTY
                : new InstructionTerms(terms.toArray(String[]::new), length);
        analysed.put(instruction, result);
        return result;
    }

    private Document document(MemoryRecord record) {
        Document doc = new Document();
        doc.add(new StringField(FIELD_KEY, record.key(), Field.Store.NO));
        doc.add(new Field(FIELD_INSTRUCTION, record.instruction(), INSTRUCTION_TYPE));
        doc.add(new NumericDocValuesField(FIELD_ID, record.id()));
        doc.add(new StoredField(FIELD_RECORD, codec.encode(record)));
        return doc;
    }

    private List<MemoryRecord> sortedRecords() {
        List<MemoryRecord> records = new ArrayList<>(byId.values());
        records.sort(Comparator.comparingLong(MemoryRecord::id));
        return records;
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of(DATA_FORMAT, FORMAT, DATA_NEXT_ID, Long.toString(nextId),
                DATA_CLOCK, Long.toString(clock)).entrySet());
        if (path != null) {
            writer.commit();
        }
    }

    /** Records read from an index, with the counters stored in its commit. */
    private record Stored(List<MemoryRecord> records, long nextId, long clock) {
    }

    /** Reads the records of {@code reader} without touching this memory's state. */
    private Stored read(DirectoryReader reader, String where) throws IOException {
        Map<String, String> data = reader.getIndexCommit().getUserData();
        if (!FORMAT.equals(data.get(DATA_FORMAT))) {
            throw new IllegalArgumentException(where + " holds a Lucene index that is not a memory (format '"
                    + data.get(DATA_FORMAT) + "', expected '" + FORMAT + "'); point it to a new or empty directory");
        }
        List<MemoryRecord> records = new ArrayList<>();
        Set<String> keys = new java.util.HashSet<>();
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
                Document document = stored.document(doc);
                if (document.getBinaryValue(FIELD_RECORD) == null) {
                    throw new IllegalArgumentException(where + ": document " + doc + " has no stored record");
                }
                MemoryRecord record;
                try {
                    record = codec.decode(document.getBinaryValue(FIELD_RECORD).bytes, this::analyse);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": document " + doc + " is corrupt: " + e.getMessage(), e);
                }
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
        return new Stored(records, Math.max(maxId + 1, parse(data.get(DATA_NEXT_ID), 1)),
                Math.max(maxClock, parse(data.get(DATA_CLOCK), 0)));
    }

    private void replaceWith(Stored stored) {
        clear();
        stored.records().forEach(this::add);
        nextId = stored.nextId();
        clock = stored.clock();
    }

    private static long parse(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * Writes every record into {@code directory} as a Lucene index (a checkpoint); a memory with a
     * path also commits there.
     */
    @Override
    public void save(Path target) throws IOException {
        ensureOpen();
        commit();
        try (Directory out = FSDirectory.open(target);
             IndexWriter checkpoint = new IndexWriter(out, new IndexWriterConfig(analyzer)
                     .setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            for (MemoryRecord record : sortedRecords()) {
                checkpoint.addDocument(document(record));
            }
            checkpoint.setLiveCommitData(Map.of(DATA_FORMAT, FORMAT, DATA_NEXT_ID, Long.toString(nextId),
                    DATA_CLOCK, Long.toString(clock)).entrySet());
            checkpoint.commit();
        }
    }

    /** Replaces the memory with a checkpoint written by {@link #save}; a memory with a path rewrites it too. */
    @Override
    public void load(Path source) throws IOException {
        ensureOpen();
        try (Directory in = FSDirectory.open(source)) {
            if (!DirectoryReader.indexExists(in)) {
                throw new IOException("no memory checkpoint in " + source);
            }
            try (DirectoryReader reader = DirectoryReader.open(in)) {
                replaceWith(read(reader, "memory checkpoint " + source));
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        writer.deleteAll();
        for (MemoryRecord record : sortedRecords()) {
            writer.addDocument(document(record));
        }
        searchers.maybeRefreshBlocking();
        commit();
    }

    @Override
    public int size() {
        return byKey.size();
    }

    /** The remembered values in the state (instruction, observation text), best first; empty if unknown. */
    public List<ActionValue> values(String instruction, String observationText) {
        MemoryRecord record = byKey.get(MemoryRecord.key(instruction, observationText));
        return record == null ? List.of() : record.values();
    }

    /** The last reward remembered for an action in a state, or NaN if it was never tried there. */
    public double lastReward(String instruction, String observationText, Action action) {
        MemoryRecord record = byKey.get(MemoryRecord.key(instruction, observationText));
        ActionEntry entry = record == null ? null : record.action(action);
        return entry == null ? Double.NaN : entry.lastReward();
    }

    /** The number of index segments (for diagnostics and benchmarks). */
    public int segments() {
        ensureOpen();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().leaves().size();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The config this memory was opened with. */
    public LuceneMemoryConfig config() {
        return config;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the memory " + describe() + " is closed");
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
            searchers.close();
            commit();
            writer.close();
        } catch (IOException | AlreadyClosedException e) {
            throw new UncheckedIOException("cannot close the memory " + describe() + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        } finally {
            try {
                directory.close();
            } catch (IOException e) {
                // nothing was lost: the last commit is complete
            }
            analyzer.close();
        }
    }

    private static void closeQuietly(IndexWriter writer, Directory directory) {
        try {
            if (writer != null) {
                writer.rollback();
            }
        } catch (IOException | RuntimeException ignored) {
            // the original failure is reported
        }
        try {
            if (directory != null) {
                directory.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // the original failure is reported
        }
    }

    /** An index searcher whose BM25 statistics count the live records only. */
    private final class LiveStatisticsSearcher extends IndexSearcher {

        LiveStatisticsSearcher(IndexReader reader) {
            super(reader);
            setQueryCache(null);
        }

        @Override
        public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
            if (!FIELD_INSTRUCTION.equals(term.field())) {
                return super.termStatistics(term, docFreq, totalTermFreq);
            }
            int live = Math.max(1, documentFrequency.getOrDefault(term.text(), 0));
            return new TermStatistics(term.bytes(), live, live);
        }

        @Override
        public CollectionStatistics collectionStatistics(String field) throws IOException {
            if (!FIELD_INSTRUCTION.equals(field) || recordsWithTerms == 0) {
                return super.collectionStatistics(field);
            }
            return new CollectionStatistics(field, Math.max(getIndexReader().maxDoc(), recordsWithTerms),
                    recordsWithTerms, sumUniqueTerms, sumUniqueTerms);
        }
    }
}
