package dev.kaizen.rememberer.memory.retrieval;

import java.util.Arrays;
import java.util.Locale;

/**
 * The instruction similarity {@code f_g} of the {@code lucene} memory; see
 * {@link dev.kaizen.rememberer.memory.LuceneMemoryConfig}.
 */
public enum InstructionSimilarity {
    /** Jaccard overlap of analysed terms, each term weighted by its BM25 inverse document frequency. */
    WEIGHTED_OVERLAP,
    /** Plain Jaccard overlap of analysed terms. */
    OVERLAP,
    /** 1 for the same instruction text, else 0. */
    EXACT;

    /** The kebab-case name used in configs. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a config name.
     *
     * @throws IllegalArgumentException listing the allowed names
     */
    public static InstructionSimilarity of(String id) {
        for (InstructionSimilarity value : values()) {
            if (value.id().equals(id)) {
                return value;
            }
        }
        throw new IllegalArgumentException("memory.instructionSimilarity: unknown '" + id + "'; allowed: "
                + Arrays.stream(values()).map(InstructionSimilarity::id).toList());
    }
}
