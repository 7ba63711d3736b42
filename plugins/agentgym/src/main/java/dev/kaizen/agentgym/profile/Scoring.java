package dev.kaizen.agentgym.profile;

/**
 * How a family's answers become Kaizen rewards and success.
 *
 * @param scale multiplies the server's value into Kaizen's range, where 1 is a solved task; default 1
 *     (SciWorld's 0..100 scores: 0.01)
 * @param success the family's success rule; default {@code reward}
 * @param threshold the scaled outcome a {@code reward} success needs; default 1
 */
public record Scoring(Double scale, SuccessRule success, Double threshold) {

    public Scoring {
        scale = scale == null ? 1.0 : scale;
        success = success == null ? SuccessRule.REWARD : success;
        threshold = threshold == null ? 1.0 : threshold;
        if (!(scale > 0) || scale.isInfinite()) {
            throw new IllegalArgumentException("scoring.scale must be a finite number > 0, got " + scale);
        }
        if (!(threshold > 0) || threshold.isInfinite()) {
            throw new IllegalArgumentException("scoring.threshold must be a finite number > 0, got " + threshold);
        }
    }

    /** The defaults. */
    public static Scoring defaults() {
        return new Scoring(null, null, null);
    }
}
