package dev.kaizen.core.evaluation;

import java.util.List;

/** The Wilson score interval for a binomial proportion. */
public final class Wilson {

    /** The standard normal quantile for a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    /**
     * The interval {@code [low, high]} for {@code successes} out of {@code trials} at quantile {@code z}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= successes <= trials} and {@code trials >= 1}
     */
    public static List<Double> interval(long successes, long trials, double z) {
        if (trials < 1 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials and trials >= 1, got "
                    + successes + " of " + trials);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double center = (p + z2 / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        double low = successes == 0 ? 0.0 : Math.max(0.0, center - half);
        double high = successes == trials ? 1.0 : Math.min(1.0, center + half);
        return List.of(low, high);
    }

    /** The 95% interval. */
    public static List<Double> interval95(long successes, long trials) {
        return interval(successes, trials, Z95);
    }
}
