package dev.kaizen.rememberer.memory.index;

import dev.kaizen.rememberer.memory.record.InstructionTermCounts;
import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;

/**
 * An index searcher whose BM25 statistics for the instruction field count the live records only
 * (Lucene's count deleted documents until a merge), so that scores depend on the records held and
 * not on how the index is segmented. Uses no query cache.
 */
final class LiveStatisticsSearcher extends IndexSearcher {

    private final InstructionTermCounts counts;

    LiveStatisticsSearcher(IndexReader reader, InstructionTermCounts counts) {
        super(reader);
        this.counts = counts;
        setQueryCache(null);
    }

    @Override
    public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
        if (!MemoryDocuments.INSTRUCTION.equals(term.field())) {
            return super.termStatistics(term, docFreq, totalTermFreq);
        }
        int live = Math.max(1, counts.documentFrequency(term.text()));
        return new TermStatistics(term.bytes(), live, live);
    }

    @Override
    public CollectionStatistics collectionStatistics(String field) throws IOException {
        if (!MemoryDocuments.INSTRUCTION.equals(field) || counts.recordsWithTerms() == 0) {
            return super.collectionStatistics(field);
        }
        return new CollectionStatistics(field, Math.max(getIndexReader().maxDoc(), counts.recordsWithTerms()),
                counts.recordsWithTerms(), counts.sumUniqueTerms(), counts.sumUniqueTerms());
    }
}
