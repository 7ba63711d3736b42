package dev.kaizen.djl.optimizer;

import ai.djl.ndarray.NDArray;
import dev.kaizen.djl.training.Ops;

/**
 * The DPO loss, per pair:
 * {@code −log σ(β·[(log π(y_w) − log π_ref(y_w)) − (log π(y_l) − log π_ref(y_l))])}, computed
 * stably as {@code softplus(−β·margin)}.
 */
public final class DpoObjective {

    private DpoObjective() {
    }

    /** The log-ratio margin {@code (π_w − ref_w) − (π_l − ref_l)} per pair. */
    public static NDArray margin(NDArray policyChosen, NDArray policyRejected, NDArray referenceChosen,
                                 NDArray referenceRejected) {
        return policyChosen.sub(referenceChosen).sub(policyRejected.sub(referenceRejected));
    }

    /** The loss per pair. */
    public static NDArray loss(NDArray policyChosen, NDArray policyRejected, NDArray referenceChosen,
                               NDArray referenceRejected, double beta) {
        NDArray scaled = Ops.times(margin(policyChosen, policyRejected, referenceChosen, referenceRejected),
                (float) beta);
        return Ops.softplus(scaled.neg());
    }
}
