package dev.kaizen.djl.optimizer;

/**
 * Generalised advantage estimation for one trajectory:
 * {@code δ_t = r_t + γ·V_{t+1} − V_t} (with {@code V_T = 0}: the last step ends the episode) and
 * {@code A_t = δ_t + γλ·A_{t+1}}; returns {@code R_t = A_t + V_t}.
 */
public final class Gae {

    private Gae() {
    }

    /** The advantages of one trajectory's steps. */
    public static double[] advantages(double[] rewards, double[] values, double gamma, double lambda) {
        if (rewards.length != values.length) {
            throw new IllegalArgumentException("rewards and values differ in length: " + rewards.length + " vs "
                    + values.length);
        }
        double[] out = new double[rewards.length];
        double next = 0;
        double running = 0;
        for (int t = rewards.length - 1; t >= 0; t--) {
            double delta = rewards[t] + gamma * next - values[t];
            running = delta + gamma * lambda * running;
            out[t] = running;
            next = values[t];
        }
        return out;
    }

    /** The value targets {@code A_t + V_t}. */
    public static double[] returns(double[] advantages, double[] values) {
        double[] out = new double[advantages.length];
        for (int t = 0; t < out.length; t++) {
            out[t] = advantages[t] + values[t];
        }
        return out;
    }
}
