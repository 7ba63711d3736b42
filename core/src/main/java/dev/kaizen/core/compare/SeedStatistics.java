package dev.kaizen.core.compare;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.TTest;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/** Statistics over seeds, all from Apache Commons Statistics. Stateless. */
public final class SeedStatistics {

    private static final TTest T_TEST = TTest.withDefaults();
    // exact whenever there are no tied or zero differences; else the normal approximation
    private static final WilcoxonSignedRankTest WILCOXON = WilcoxonSignedRankTest.withDefaults()
            .with(PValueMethod.EXACT);

    private SeedStatistics() {
    }

    /** The quantile {@code t(0.975, df)} of Student's t distribution: a 95% two-sided interval's factor. */
    public static double t975(int degreesOfFreedom) {
        return TDistribution.of(degreesOfFreedom).inverseSurvivalProbability(0.025);
    }

    /**
     * The mean of {@code values} with its 95% Student-t interval (none for a single value).
     *
     * @throws IllegalArgumentException if {@code values} is empty
     */
    public static MeanEstimate mean(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double mean = Mean.of(values).getAsDouble();
        if (values.length < 2) {
            return new MeanEstimate(1, mean, Double.NaN, Double.NaN);
        }
        double half = t975(values.length - 1) * StandardDeviation.of(values).getAsDouble() / Math.sqrt(values.length);
        return new MeanEstimate(values.length, mean, mean - half, mean + half);
    }

    /**
     * The paired comparison of {@code method} and {@code baseline}, value {@code i} of each from the
     * same seed. The differences are rounded to 12 decimals first, so that differences of rates that
     * are equal (0.53 − 0.46 and 0.47 − 0.40) count as ties whatever the floating-point noise.
     *
     * @throws IllegalArgumentException if they are empty or of different lengths
     */
    public static PairedGain paired(String baselineName, double[] method, double[] baseline) {
        if (method.length != baseline.length || method.length == 0) {
            throw new IllegalArgumentException("need as many method as baseline values, at least one; got "
                    + method.length + " and " + baseline.length);
        }
        double[] differences = new double[method.length];
        boolean allZero = true;
        for (int i = 0; i < method.length; i++) {
            differences[i] = Math.rint((method[i] - baseline[i]) * 1e12) / 1e12;
            allZero &= differences[i] == 0;
        }
        MeanEstimate gain = mean(differences);
        if (method.length < 2 || allZero) {
            return new PairedGain(baselineName, gain, Double.NaN, Double.NaN, false);
        }
        // one-sample tests of the differences against 0: the paired tests
        double t = T_TEST.test(differences).getPValue();
        WilcoxonSignedRankTest.Result wilcoxon = WILCOXON.test(differences);
        return new PairedGain(baselineName, gain, t, wilcoxon.getPValue(),
                !wilcoxon.hasTiedValues() && !wilcoxon.hasZeroValues());
    }
}
