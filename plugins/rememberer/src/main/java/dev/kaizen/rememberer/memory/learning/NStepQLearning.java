package dev.kaizen.rememberer.memory.learning;

/**
 * The n-step Q-learning rule of the memory:
 * {@code Q(g,o_t,a_t) ← (1−α)·Q + α·[Σ_{i<n} γ^i·r_{t+i} + γ^n·max_a Q(g,o_{t+n},a)]}.
 *
 * <p>Sums stop at the episode's end; past it there is nothing to bootstrap from (the episode is
 * over), so with {@code n = 0} (or n at least the remaining length) the target is the discounted
 * return to the end (Monte Carlo). A newly tried action takes the target as its value (its first
 * visit, {@code N = 1}); later visits move it by {@code α = 1/N} (the running mean of its
 * targets) or by a constant α. Immutable and thread-safe.
 */
public final class NStepQLearning {

    private final double alpha;
    private final double gamma;
    private final int nStep;

    /**
     * @param alpha a constant step size in (0, 1], or NaN for {@code 1/N}
     * @param gamma the discount in [0, 1]
     * @param nStep rewards summed before bootstrapping; 0 for the full episode
     */
    public NStepQLearning(double alpha, double gamma, int nStep) {
        if (!Double.isNaN(alpha) && !(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1] or NaN for 1/N, got " + alpha);
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        if (nStep < 0) {
            throw new IllegalArgumentException("nStep must be >= 0, got " + nStep);
        }
        this.alpha = alpha;
        this.gamma = gamma;
        this.nStep = nStep;
    }

    /** Whether the target of step {@code t} of an episode of {@code length} steps bootstraps from step {@code t + n}. */
    public boolean bootstraps(int t, int length) {
        return nStep > 0 && t + nStep < length;
    }

    /** The step whose record the target of step {@code t} bootstraps from (valid if {@link #bootstraps}). */
    public int bootstrapStep(int t) {
        return t + nStep;
    }

    /**
     * The target of step {@code t}: the discounted sum of the next n rewards (to the end of the
     * episode at most), plus {@code γ^n · bootstrap} if {@link #bootstraps}.
     *
     * @param rewards the episode's step rewards
     * @param bootstrap {@code max_a Q(g, o_{t+n}, a)}; ignored if the target does not bootstrap
     */
    public double target(double[] rewards, int t, double bootstrap) {
        int end = nStep == 0 ? rewards.length : Math.min(rewards.length, t + nStep);
        double sum = 0;
        double discount = 1;
        for (int i = t; i < end; i++) {
            sum += discount * rewards[i];
            discount *= gamma;
        }
        if (bootstraps(t, rewards.length)) {
            sum += discount * bootstrap;
        }
        return sum;
    }

    /**
     * The value after a visit.
     *
     * @param value the value before
     * @param visits the action's visit count including this visit, {@code >= 1}
     * @param target this visit's target
     */
    public double updated(double value, int visits, double target) {
        if (visits < 1) {
            throw new IllegalArgumentException("visits must be >= 1, got " + visits);
        }
        if (visits == 1) {
            return target;
        }
        double step = Double.isNaN(alpha) ? 1.0 / visits : alpha;
        return (1 - step) * value + step * target;
    }
}
