package dev.kaizen.rememberer.memory.retrieval;

import dev.kaizen.rememberer.memory.index.MemoryDocuments;
import dev.kaizen.rememberer.memory.record.InstructionTermCounts;
import dev.kaizen.rememberer.memory.record.InstructionTerms;
import dev.kaizen.rememberer.memory.record.MemoryRecord;
import dev.kaizen.rememberer.memory.record.MemoryRecords;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * The BM25 preselection: for an instruction, the {@code candidates} records whose instructions
 * match it best, found by a query over its rarest terms. Results are kept per instruction (the
 * 1024 most recently used) until the records held change. Not thread-safe.
 */
final class CandidatePreselection {

    private static final int MAX_QUERY_TERMS = 5;
    private static final int MIN_QUERY_TERMS = 4;

    private final MemoryRecords records;
    private final int candidates;
    private final Map<String, List<MemoryRecord>> preselected = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<MemoryRecord>> eldest) {
            return size() > 1024;
        }
    };
    /** The {@link MemoryRecords#generation()} the preselected candidates are valid for. */
    private long generation;

    /** @param candidates how many records to preselect, {@code >= 1} */
    CandidatePreselection(MemoryRecords records, int candidates) {
        this.records = records;
        this.candidates = candidates;
        this.generation = records.generation();
    }

    /** The candidates for {@code instruction}, whose analysed terms are {@code terms}. */
    List<MemoryRecord> candidates(IndexSearcher searcher, String instruction, InstructionTerms terms)
            throws IOException {
        if (generation != records.generation()) {
            preselected.clear();
            generation = records.generation();
        }
        List<MemoryRecord> cached = preselected.get(instruction);
        if (cached == null) {
            cached = preselect(searcher, query(terms));
            preselected.put(instruction, cached);
        }
        return cached;
    }

    /**
     * The {@code candidates} best-scoring records for a query, ties broken by record id, so that
     * the result depends on the records only (not on how the index is segmented). Collects twice
     * as many hits by score (Lucene's fast path), keeps those scoring strictly above the lowest
     * collected score when the collection was full (the records tied at that score may continue
     * beyond it; if that leaves too few, it collects more), then orders by score and id.
     */
    private List<MemoryRecord> preselect(IndexSearcher searcher, Query query) throws IOException {
        int wanted = candidates;
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
            if (!full || kept.size() >= wanted || collect >= records.size()) {
                break;
            }
            // A tie at the floor hides too many candidates: collect more until it is complete.
            collect = (int) Math.min(records.size(), 4L * collect);
        }
        kept.sort(Comparator.comparingInt(h -> h.doc));
        long[] ids = recordIds(searcher, kept);
        Integer[] order = new Integer[kept.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -kept.get(i).score)
                .thenComparingLong(i -> ids[i]));
        List<MemoryRecord> out = new ArrayList<>(Math.min(wanted, order.length));
        for (int k = 0; k < order.length && out.size() < wanted; k++) {
            MemoryRecord record = records.byId(ids[order[k]]);
            if (record != null) {
                out.add(record);
            }
        }
        return out;
    }

    /** The record ids of {@code hits}, which are in document order. */
    private static long[] recordIds(IndexSearcher searcher, List<ScoreDoc> hits) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        long[] ids = new long[hits.size()];
        int leafIndex = -1;
        NumericDocValues values = null;
        for (int i = 0; i < hits.size(); i++) {
            int doc = hits.get(i).doc;
            int next = ReaderUtil.subIndex(doc, leaves);
            if (next != leafIndex) {
                leafIndex = next;
                values = leaves.get(leafIndex).reader().getNumericDocValues(MemoryDocuments.ID);
            }
            int local = doc - leaves.get(leafIndex).docBase;
            if (values == null || !values.advanceExact(local)) {
                throw new IllegalStateException("memory index document " + doc + " has no record id");
            }
            ids[i] = values.longValue();
        }
        return ids;
    }

    /**
     * The preselection query: the instruction's rarest terms, at most {@value #MAX_QUERY_TERMS};
     * terms in more than half of the records are left out once {@value #MIN_QUERY_TERMS} rarer
     * ones are in, as they hardly change BM25's ranking but cost the most to score.
     */
    private Query query(InstructionTerms terms) {
        InstructionTermCounts counts = records.termCounts();
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        String[] byRarity = terms.terms().clone();
        Arrays.sort(byRarity, Comparator.comparingInt((String t) -> counts.documentFrequency(t))
                .thenComparing(Comparator.naturalOrder()));
        int clauses = 0;
        for (String term : byRarity) {
            if (clauses >= MAX_QUERY_TERMS
                    || (clauses >= MIN_QUERY_TERMS && counts.documentFrequency(term) * 2L > counts.recordsWithTerms())) {
                break;
            }
            builder.add(new TermQuery(new Term(MemoryDocuments.INSTRUCTION, term)), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        return clauses == 0 ? new MatchAllDocsQuery() : builder.build();
    }
}
