package dev.kaizen.api.policy;

/**
 * How a policy should pick: how many distinct actions, at what temperature, from which seed.
 *
 * <p>Temperature 0 is greedy: the {@code count} highest-scoring actions, best first. Above 0,
 * {@code count} distinct actions are sampled without replacement from the softmax at that
 * temperature. Policies derive the randomness for each context from {@link #seed()} together with
 * the context itself (e.g. its task id and step), so that the result for a context does not depend
 * on which other contexts share its batch.
 *
 * @param count how many distinct actions to return, {@code >= 1}
 * @param temperature {@code >= 0}; 0 is greedy
 * @param seed the seed for this call
 */
public record Sampling(int count, double temperature, long seed) {

    public Sampling {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and >= 0: " + temperature);
        }
    }

    /** One action, the best. */
    public static Sampling greedy() {
        return new Sampling(1, 0.0, 0L);
    }

    /** One action sampled at {@code temperature}. */
    public static Sampling sample(double temperature, long seed) {
        return new Sampling(1, temperature, seed);
    }

    public boolean isGreedy() {
        return temperature == 0.0;
    }

    public Sampling withSeed(long newSeed) {
        return new Sampling(count, temperature, newSeed);
    }

    public Sampling withCount(int newCount) {
        return new Sampling(newCount, temperature, seed);
    }
}
