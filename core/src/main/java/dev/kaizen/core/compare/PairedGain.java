package dev.kaizen.core.compare;

import static java.util.Objects.requireNonNull;

/**
 * A group's gain over the baseline group on the seeds both ran: the differences
 * {@code method − baseline} in success rate, seed by seed.
 *
 * @param baseline the baseline group
 * @param gain the mean difference over the pairs, with its 95% t-interval
 * @param tTestP the two-sided paired t-test's p-value; NaN with fewer than two pairs or when every
 *     difference is zero
 * @param wilcoxonP the two-sided Wilcoxon signed-rank test's p-value; NaN with fewer than two pairs
 *     or when every difference is zero
 * @param wilcoxonExact whether that p-value is exact (no tied or zero differences), not the normal
 *     approximation with tie correction
 */
public record PairedGain(String baseline, MeanEstimate gain, double tTestP, double wilcoxonP, boolean wilcoxonExact) {

    public PairedGain {
        requireNonNull(baseline, "baseline is null");
        requireNonNull(gain, "gain is null");
    }

    /** How many seeds both groups ran. */
    public int pairs() {
        return gain.n();
    }
}
