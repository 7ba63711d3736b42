package dev.kaizen.agentq.critic;

/** Turns raw scores into critic scores in [0, 1]. */
public final class CriticScores {

    private CriticScores() {
    }

    /**
     * Ranks, 0 for the highest score; equal scores rank in their order. NaN scores count as the
     * lowest.
     */
    public static int[] ranks(double[] scores) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Double.compare(key(scores[b]), key(scores[a]));
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] ranks = new int[n];
        for (int r = 0; r < n; r++) {
            ranks[order[r]] = r;
        }
        return ranks;
    }

    private static double key(double score) {
        return Double.isNaN(score) ? Double.NEGATIVE_INFINITY : score;
    }

    /** {@code Q̂ = 1 − rank/(K−1)}: best 1, worst 0; a single candidate scores 1. */
    public static double[] fromRanks(int[] ranks) {
        int k = ranks.length;
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            out[i] = k == 1 ? 1.0 : 1.0 - ranks[i] / (double) (k - 1);
        }
        return out;
    }

    /**
     * The softmax of log-probabilities over the candidates, i.e. their probabilities renormalised to
     * sum to 1. Candidates at minus infinity (or NaN) get 0; if all are, all get an equal share.
     */
    public static double[] normalisedProbabilities(double[] logProbabilities) {
        int k = logProbabilities.length;
        double[] out = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (double lp : logProbabilities) {
            if (!Double.isNaN(lp)) {
                max = Math.max(max, lp);
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            java.util.Arrays.fill(out, k == 0 ? 0 : 1.0 / k);
            return out;
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double lp = logProbabilities[i];
            out[i] = Double.isNaN(lp) ? 0.0 : Math.exp(lp - max);
            sum += out[i];
        }
        for (int i = 0; i < k; i++) {
            out[i] /= sum;
        }
        return out;
    }
}
