package dev.kaizen.rememberer.memory;

import dev.kaizen.api.memory.ExperienceMemoryConfig;
import dev.kaizen.rememberer.memory.retrieval.InstructionSimilarity;
import java.util.Locale;

/**
 * Config of the {@code lucene} experience memory.
 *
 * @param path a directory that holds the memory across runs: an existing memory there is loaded,
 *     and every update is committed there; null or empty keeps the memory in RAM (it is still
 *     checkpointed with the run's stages)
 * @param capacity the most records kept; after each update the least useful are evicted (fewest
 *     visits, then least recently updated), {@code >= 1}
 * @param actionsPerRecord the most actions kept per record; a new action evicts the least visited
 *     one, {@code >= 1}
 * @param alpha the Q-learning step size: {@code "1/N"} (the running mean of the targets, N the
 *     action's visit count) or a constant in (0, 1]
 * @param gamma the discount factor, in [0, 1]
 * @param nStep the number of rewards summed before bootstrapping from the record n steps later;
 *     0 means the full episode (Monte Carlo)
 * @param lambda the weight of instruction similarity in {@code S = λ·f_g + (1−λ)·f_o}, in [0, 1]
 * @param instructionSimilarity {@code f_g}: {@code weighted-overlap} (Jaccard overlap of the
 *     analysed instruction terms, each weighted by its BM25 inverse document frequency over the
 *     records), {@code overlap} (plain Jaccard overlap of the terms) or {@code exact} (1 for the
 *     same instruction, else 0)
 * @param candidates how many records the BM25 query preselects per context before they are ranked
 *     by {@code S}; memories with at most this many records are ranked exactly, {@code >= 1}
 */
public record LuceneMemoryConfig(String path, Integer capacity, Integer actionsPerRecord, String alpha,
                                 Double gamma, Integer nStep, Double lambda, String instructionSimilarity,
                                 Integer candidates) implements ExperienceMemoryConfig {

    /** The step-size keyword for {@code α = 1/N}. */
    public static final String ALPHA_ONE_OVER_N = "1/N";

    public LuceneMemoryConfig {
        path = path == null || path.isBlank() ? null : path;
        capacity = capacity == null ? 500 : capacity;
        actionsPerRecord = actionsPerRecord == null ? 20 : actionsPerRecord;
        alpha = alpha == null ? ALPHA_ONE_OVER_N : alpha.trim();
        gamma = gamma == null ? 1.0 : gamma;
        nStep = nStep == null ? 0 : nStep;
        lambda = lambda == null ? 0.5 : lambda;
        instructionSimilarity = instructionSimilarity == null ? InstructionSimilarity.WEIGHTED_OVERLAP.id()
                : instructionSimilarity.trim().toLowerCase(Locale.ROOT);
        candidates = candidates == null ? 64 : candidates;
        if (capacity < 1) {
            throw new IllegalArgumentException("memory.capacity must be >= 1, got " + capacity);
        }
        if (actionsPerRecord < 1) {
            throw new IllegalArgumentException("memory.actionsPerRecord must be >= 1, got " + actionsPerRecord);
        }
        parseAlpha(alpha);
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("memory.gamma must be in [0, 1], got " + gamma);
        }
        if (nStep < 0) {
            throw new IllegalArgumentException("memory.nStep must be >= 0 (0 = the full episode), got " + nStep);
        }
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("memory.lambda must be in [0, 1], got " + lambda);
        }
        InstructionSimilarity.of(instructionSimilarity);
        if (candidates < 1) {
            throw new IllegalArgumentException("memory.candidates must be >= 1, got " + candidates);
        }
    }

    /** The defaults: in RAM, 500 records of at most 20 actions, α = 1/N, γ = 1, Monte Carlo, λ = 0.5. */
    public LuceneMemoryConfig() {
        this(null, null, null, null, null, null, null, null, null);
    }

    /** The constant step size, or NaN for {@code 1/N}. */
    public double constantAlpha() {
        return parseAlpha(alpha);
    }

    private static double parseAlpha(String alpha) {
        if (alpha.equalsIgnoreCase(ALPHA_ONE_OVER_N)) {
            return Double.NaN;
        }
        double value;
        try {
            value = Double.parseDouble(alpha);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("memory.alpha must be \"1/N\" or a number in (0, 1], got '" + alpha + "'");
        }
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException("memory.alpha must be \"1/N\" or a number in (0, 1], got " + alpha);
        }
        return value;
    }
}
