package dev.kaizen.djl.optimizer;

import ai.djl.ndarray.NDArray;
import dev.kaizen.djl.training.Ops;

/**
 * The parts of the PPO loss: the clipped surrogate {@code min(ρ·A, clip(ρ, 1−ε, 1+ε)·A)} with
 * {@code ρ = exp(log π − log π_old)}, the entropy of a masked distribution and the exact KL
 * divergence between two distributions over the same candidates, and the same two for the
 * independent tokens of a filler.
 */
public final class PpoObjective {

    private PpoObjective() {
    }

    /** The clipped surrogate objective per step (to be maximised). */
    public static NDArray clippedSurrogate(NDArray logProbabilities, NDArray oldLogProbabilities, NDArray advantages,
                                           double clip) {
        NDArray ratio = logProbabilities.sub(oldLogProbabilities).exp();
        NDArray clipped = ratio.clip((float) (1 - clip), (float) (1 + clip));
        return ratio.mul(advantages).minimum(clipped.mul(advantages));
    }

    /** Whether each step's ratio lies outside {@code [1−ε, 1+ε]} (1 or 0). */
    public static NDArray clipped(NDArray logProbabilities, NDArray oldLogProbabilities, double clip) {
        NDArray ratio = logProbabilities.sub(oldLogProbabilities).exp();
        return ratio.gt((float) (1 + clip)).logicalOr(ratio.lt((float) (1 - clip))).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
    }

    /** {@code −Σ p log p} per row over real candidates ({@code mask} 1). */
    public static NDArray entropy(NDArray logProbabilities, NDArray mask) {
        NDArray safe = logProbabilities.mul(mask);
        return safe.exp().mul(mask).mul(safe).sum(new int[] {1}).neg();
    }

    /** The summed entropy of independent Bernoulli tokens with these logits, per row over real tokens. */
    public static NDArray bernoulliEntropy(NDArray logits, NDArray mask) {
        // H = softplus(s) − σ(s)·s
        NDArray p = Ops.sigmoid(logits);
        return Ops.softplus(logits).sub(p.mul(logits)).mul(mask).sum(new int[] {1});
    }

    /** The summed KL divergence of independent Bernoulli tokens (logits {@code s} against {@code r}). */
    public static NDArray bernoulliKl(NDArray logits, NDArray referenceLogits, NDArray mask) {
        NDArray p = Ops.sigmoid(logits);
        // p·(log p − log q) + (1 − p)·(log(1 − p) − log(1 − q)), with log σ(x) = −softplus(−x)
        NDArray kept = Ops.softplus(referenceLogits.neg()).sub(Ops.softplus(logits.neg())).mul(p);
        NDArray dropped = Ops.softplus(referenceLogits).sub(Ops.softplus(logits)).mul(p.neg().add(1f));
        return kept.add(dropped).mul(mask).sum(new int[] {1});
    }

    /** {@code KL(π ‖ π_ref) = Σ π (log π − log π_ref)} per row over real candidates. */
    public static NDArray kl(NDArray logProbabilities, NDArray referenceLogProbabilities, NDArray mask) {
        NDArray safe = logProbabilities.mul(mask);
        NDArray reference = referenceLogProbabilities.mul(mask);
        return safe.exp().mul(mask).mul(safe.sub(reference)).sum(new int[] {1});
    }
}
