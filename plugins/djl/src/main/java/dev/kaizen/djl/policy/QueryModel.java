package dev.kaizen.djl.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The distribution of a free-text filler given its template: each instruction token is kept
 * independently with probability {@code σ(s_t)}, where {@code s_t} is the token's logit, so
 * {@code log P(z) = Σ_t [z_t·log σ(s_t) + (1 − z_t)·log σ(−s_t)]}. Exact over all in-order subsets;
 * the empty subset is never proposed (its mass is left unused). Stateless.
 */
final class QueryModel {

    private QueryModel() {
    }

    /** {@code log P(z)}. */
    static double logLikelihood(float[] logits, boolean[] chosen) {
        double total = 0;
        for (int t = 0; t < logits.length; t++) {
            total -= softplus(chosen[t] ? -logits[t] : logits[t]);
        }
        return total;
    }

    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /**
     * The {@code count} most likely non-empty subsets, most likely first: starting from the mode,
     * flips of tokens in increasing order of total cost {@code Σ|s_t|} (each flip multiplies the
     * probability by {@code e^{-|s_t|}}); ties broken deterministically.
     */
    static List<boolean[]> best(float[] logits, int count) {
        int n = logits.length;
        List<boolean[]> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        Integer[] order = new Integer[n];
        for (int t = 0; t < n; t++) {
            order[t] = t;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(Math.abs(logits[a]), Math.abs(logits[b])) != 0
                ? Float.compare(Math.abs(logits[a]), Math.abs(logits[b])) : Integer.compare(a, b));
        record Flips(double cost, long set, int last) {
        }
        PriorityQueue<Flips> queue = new PriorityQueue<>((a, b) -> a.cost != b.cost ? Double.compare(a.cost, b.cost)
                : Long.compareUnsigned(a.set, b.set));
        queue.add(new Flips(0, 0L, -1));
        int limit = Math.min(n, 63);
        while (!queue.isEmpty() && out.size() < count) {
            Flips f = queue.poll();
            boolean[] chosen = new boolean[n];
            boolean any = false;
            for (int t = 0; t < n; t++) {
                chosen[t] = logits[t] > 0;
            }
            for (int k = 0; k < limit; k++) {
                if ((f.set & (1L << k)) != 0) {
                    chosen[order[k]] = !chosen[order[k]];
                }
            }
            for (boolean c : chosen) {
                any |= c;
            }
            if (any) {
                out.add(chosen);
            }
            int next = f.last + 1;
            if (next < limit) {
                queue.add(new Flips(f.cost + Math.abs(logits[order[next]]), f.set | (1L << next), next));
                if (f.last >= 0) {
                    queue.add(new Flips(f.cost - Math.abs(logits[order[f.last]]) + Math.abs(logits[order[next]]),
                            (f.set & ~(1L << f.last)) | (1L << next), next));
                }
            }
        }
        return out;
    }

    /** One non-empty subset sampled at {@code temperature} (> 0); after 50 empty draws, the mode. */
    static boolean[] sample(float[] logits, double temperature, SplittableRandom random) {
        int n = logits.length;
        for (int attempt = 0; attempt < 50; attempt++) {
            boolean[] chosen = new boolean[n];
            boolean any = false;
            for (int t = 0; t < n; t++) {
                double p = 1.0 / (1.0 + Math.exp(-logits[t] / temperature));
                chosen[t] = random.nextDouble() < p;
                any |= chosen[t];
            }
            if (any) {
                return chosen;
            }
        }
        return best(logits, 1).get(0);
    }

    /**
     * {@code log Σ_z P(z)^{1/T}}: how much a template's row gains or loses when the joint
     * distribution over rows and fillers is tempered at {@code T}.
     */
    static double temperedLogMass(float[] logits, double temperature) {
        double total = 0;
        for (float s : logits) {
            double a = -softplus(-s) / temperature;
            double b = -softplus(s) / temperature;
            double max = Math.max(a, b);
            total += max + Math.log(Math.exp(a - max) + Math.exp(b - max));
        }
        return total;
    }
}
