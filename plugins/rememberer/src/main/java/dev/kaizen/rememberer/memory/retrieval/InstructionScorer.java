package dev.kaizen.rememberer.memory.retrieval;

import dev.kaizen.rememberer.memory.record.InstructionTermCounts;
import dev.kaizen.rememberer.memory.record.InstructionTerms;
import dev.kaizen.rememberer.memory.record.MemoryRecord;
import java.util.Map;

/**
 * The instruction similarity {@code f_g} between a context's instruction and a record's, as the
 * config's {@link InstructionSimilarity} says: exact match, or Jaccard overlap of the analysed
 * terms, plain or with each term weighted by its inverse document frequency over the records held.
 */
final class InstructionScorer {

    private final InstructionSimilarity similarity;
    private final InstructionTermCounts counts;

    InstructionScorer(InstructionSimilarity similarity, InstructionTermCounts counts) {
        this.similarity = similarity;
        this.counts = counts;
    }

    /**
     * {@code f_g} in [0, 1].
     *
     * @param terms the analysed terms of {@code instruction}
     * @param weights the term weights computed so far for this instruction; filled as needed
     */
    double score(String instruction, InstructionTerms terms, MemoryRecord record, Map<String, Double> weights) {
        return switch (similarity) {
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
            double w = weights == null ? 1.0 : weights.computeIfAbsent(term, counts::inverseDocumentFrequency);
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
}
