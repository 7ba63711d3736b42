package dev.kaizen.rememberer.memory.record;

import java.util.HashMap;
import java.util.Map;

/**
 * The statistics BM25 needs over the instructions of the records held: in how many records each
 * analysed term occurs, how many records have any term, and the sum of their distinct-term counts.
 * They count live records only, so they do not depend on how the index is segmented or merged.
 * Kept by {@link MemoryRecords}; not thread-safe.
 */
public final class InstructionTermCounts {

    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private long recordsWithTerms;
    private long sumUniqueTerms;

    void add(InstructionTerms terms) {
        if (terms.terms().length > 0) {
            recordsWithTerms++;
            sumUniqueTerms += terms.terms().length;
            for (String term : terms.terms()) {
                documentFrequency.merge(term, 1, Integer::sum);
            }
        }
    }

    void remove(InstructionTerms terms) {
        if (terms.terms().length > 0) {
            recordsWithTerms--;
            sumUniqueTerms -= terms.terms().length;
            for (String term : terms.terms()) {
                documentFrequency.computeIfPresent(term, (k, v) -> v == 1 ? null : v - 1);
            }
        }
    }

    void clear() {
        documentFrequency.clear();
        recordsWithTerms = 0;
        sumUniqueTerms = 0;
    }

    /** The number of records whose instruction has {@code term}; 0 if none. */
    public int documentFrequency(String term) {
        return documentFrequency.getOrDefault(term, 0);
    }

    /** The number of records whose instruction has at least one term. */
    public long recordsWithTerms() {
        return recordsWithTerms;
    }

    /** The sum over those records of their distinct terms (the field length BM25 sees, as frequencies are not indexed). */
    public long sumUniqueTerms() {
        return sumUniqueTerms;
    }

    /** BM25's inverse document frequency over the records held. */
    public double inverseDocumentFrequency(String term) {
        double n = recordsWithTerms;
        double df = documentFrequency(term);
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
}
