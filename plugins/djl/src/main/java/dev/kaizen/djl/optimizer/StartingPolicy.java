package dev.kaizen.djl.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.kaizen.djl.engine.DjlRuntime;
import dev.kaizen.djl.policy.DjlScorerPolicy;
import dev.kaizen.djl.policy.Examples;
import dev.kaizen.djl.policy.Scores;
import java.util.Arrays;

/**
 * The policy at the start of a policy-gradient call, per example: the given action's
 * log-probability (the "old" policy of the ratio), the value estimate (when asked for), and the
 * full row distribution and filler token logits (the KL reference). Computed once, before the
 * first update, in chunks of {@value #CHUNK} examples.
 *
 * @param oldLog log π_old of each example's action
 * @param values the value head's estimate per example; empty when values were not asked for
 * @param reference each example's log-probabilities over its real rows
 * @param referenceTokens each example's filler token logits over its real tokens
 */
record StartingPolicy(float[] oldLog, double[] values, float[][] reference, float[][] referenceTokens) {

    private static final int CHUNK = 256;

    /** Scores every example once with {@code scorer} as it is now. Call inside {@link DjlRuntime}. */
    static StartingPolicy of(DjlScorerPolicy scorer, Examples examples, boolean withValues) {
        int n = examples.size();
        float[] oldLog = new float[n];
        double[] values = new double[withValues ? n : 0];
        float[][] reference = new float[n][];
        float[][] referenceTokens = new float[n][];
        for (int start = 0; start < n; start += CHUNK) {
            int end = Math.min(n, start + CHUNK);
            int[] indices = range(start, end);
            Examples part = examples.subset(indices);
            try (NDScope scope = new NDScope(); NDManager manager = DjlRuntime.engine().newBaseManager()) {
                scope.suppressNotUsedWarning();
                Scores scores = scorer.score(manager, part, withValues);
                float[] chosen = scores.chosen().toFloatArray();
                float[] v = withValues ? scores.values().toFloatArray() : null;
                float[] grid = scores.logProbabilities().toFloatArray();
                float[] tokens = scores.tokenLogits().toFloatArray();
                int width = Math.toIntExact(scores.logProbabilities().getShape().get(1));
                int tokenWidth = Math.toIntExact(scores.tokenLogits().getShape().get(1));
                for (int k = 0; k < indices.length; k++) {
                    oldLog[start + k] = chosen[k];
                    if (withValues) {
                        values[start + k] = v[k];
                    }
                    reference[start + k] = Arrays.copyOfRange(grid, k * width, k * width + part.rows(k));
                    referenceTokens[start + k] = Arrays.copyOfRange(tokens, k * tokenWidth,
                            k * tokenWidth + part.tokens(k));
                }
            }
        }
        return new StartingPolicy(oldLog, values, reference, referenceTokens);
    }

    /** The old log-probabilities of the examples at {@code indices}. */
    float[] oldLog(int[] indices) {
        float[] old = new float[indices.length];
        for (int k = 0; k < indices.length; k++) {
            old[k] = oldLog[indices[k]];
        }
        return old;
    }

    /**
     * {@code KL(π ‖ π_start)} per example of a minibatch: exact over the rows, plus the filler's
     * tokens weighted by the template mass.
     */
    NDArray kl(NDManager manager, Scores scores, int[] indices) {
        return PpoObjective.kl(scores.logProbabilities(),
                        grid(manager, reference, indices, scores.logProbabilities()), scores.mask())
                .add(scores.templateMass().mul(PpoObjective.bernoulliKl(scores.tokenLogits(),
                        grid(manager, referenceTokens, indices, scores.tokenLogits()), scores.tokenMask())));
    }

    /** The entropy per example of a minibatch: the rows', plus the filler's tokens weighted by the template mass. */
    static NDArray entropy(Scores scores) {
        return PpoObjective.entropy(scores.logProbabilities(), scores.mask())
                .add(scores.templateMass().mul(PpoObjective.bernoulliEntropy(scores.tokenLogits(), scores.tokenMask())));
    }

    private static NDArray grid(NDManager manager, float[][] rows, int[] indices, NDArray like) {
        int width = Math.toIntExact(like.getShape().get(1));
        float[] grid = new float[indices.length * width];
        for (int k = 0; k < indices.length; k++) {
            float[] row = rows[indices[k]];
            System.arraycopy(row, 0, grid, k * width, row.length);
        }
        return manager.create(grid, new Shape(indices.length, width));
    }

    private static int[] range(int start, int end) {
        int[] out = new int[end - start];
        for (int i = 0; i < out.length; i++) {
            out[i] = start + i;
        }
        return out;
    }
}
