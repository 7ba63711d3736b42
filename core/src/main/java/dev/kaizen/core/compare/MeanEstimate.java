package dev.kaizen.core.compare;

/**
 * A mean over seeds with its 95% Student-t interval, {@code mean ± t(0.975, n−1)·sd/√n}.
 *
 * @param n how many values
 * @param mean their mean
 * @param low the interval's lower bound; NaN when {@code n < 2}
 * @param high the interval's upper bound; NaN when {@code n < 2}
 */
public record MeanEstimate(int n, double mean, double low, double high) {

    /** Whether there is an interval (two values or more). */
    public boolean hasInterval() {
        return !Double.isNaN(low);
    }
}
