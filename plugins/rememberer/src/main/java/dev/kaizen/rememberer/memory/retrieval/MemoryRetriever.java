package dev.kaizen.rememberer.memory.retrieval;

import dev.kaizen.api.env.ObservationSimilarity;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Advice;
import dev.kaizen.rememberer.memory.index.InstructionAnalyser;
import dev.kaizen.rememberer.memory.index.MemoryIndex;
import dev.kaizen.rememberer.memory.record.InstructionTerms;
import dev.kaizen.rememberer.memory.record.MemoryRecord;
import dev.kaizen.rememberer.memory.record.MemoryRecords;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;

/**
 * Retrieval: for each context, the records ranked by {@code S = λ·f_g(g, g_i) + (1−λ)·f_o(o, o_i)}
 * as {@link Advice}, best first. The records ranked are the {@link CandidatePreselection}'s, or all
 * of them when there are at most {@code candidates} or when {@code λ = 0} (instructions do not
 * count). Ties in {@code S} go to the record of the very same observation text, then of the same
 * instruction, then to the older record. Not thread-safe.
 */
public final class MemoryRetriever {

    private final MemoryRecords records;
    private final MemoryIndex index;
    private final InstructionAnalyser analyser;
    private final double lambda;
    private final int candidates;
    private final InstructionScorer instructionScorer;
    private final CandidatePreselection preselection;

    /**
     * @param lambda the weight of instruction similarity, in [0, 1]
     * @param candidates how many records the preselection passes on, {@code >= 1}
     * @param similarity the instruction similarity {@code f_g}
     */
    public MemoryRetriever(MemoryRecords records, MemoryIndex index, InstructionAnalyser analyser, double lambda,
                           int candidates, InstructionSimilarity similarity) {
        this.records = records;
        this.index = index;
        this.analyser = analyser;
        this.lambda = lambda;
        this.candidates = candidates;
        this.instructionScorer = new InstructionScorer(similarity, records.termCounts());
        this.preselection = new CandidatePreselection(records, candidates);
    }

    /** The {@code limit} best records for each context (fewer if fewer are held). */
    public List<List<Advice>> retrieve(List<AgentContext> contexts, int limit,
                                       ObservationSimilarity observationSimilarity) throws IOException {
        List<List<Advice>> out = new ArrayList<>(contexts.size());
        if (limit == 0 || records.isEmpty()) {
            contexts.forEach(c -> out.add(List.of()));
            return out;
        }
        boolean exact = records.size() <= candidates || lambda == 0.0;
        IndexSearcher searcher = exact ? null : index.acquire();
        try {
            for (AgentContext context : contexts) {
                out.add(retrieve(context, limit, observationSimilarity, searcher));
            }
        } finally {
            if (searcher != null) {
                index.release(searcher);
            }
        }
        return out;
    }

    private List<Advice> retrieve(AgentContext context, int limit, ObservationSimilarity observationSimilarity,
                                  IndexSearcher searcher) throws IOException {
        String instruction = context.task().instruction();
        InstructionTerms terms = analyser.terms(instruction);
        List<MemoryRecord> candidates = searcher == null ? new ArrayList<>(records.all())
                : preselection.candidates(searcher, instruction, terms);
        Map<String, Double> weights = new HashMap<>();
        int size = candidates.size();
        double[] scores = new double[size];
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            MemoryRecord record = candidates.get(i);
            double fg = instructionScorer.score(instruction, terms, record, weights);
            double fo = observationSimilarity.between(context.observation(), record.observation());
            if (!(fo >= 0 && fo <= 1)) {
                throw new IllegalStateException("the environment's observation similarity returned " + fo
                        + "; it must be in [0, 1]");
            }
            scores[i] = Math.min(1.0, Math.max(0.0, lambda * fg + (1 - lambda) * fo));
            order[i] = i;
        }
        String text = context.observation().text();
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i])
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
}
