package dev.kaizen.djl.training;

import ai.djl.ndarray.NDArray;

/**
 * Arithmetic with constants that stays correct under gradient recording.
 *
 * <p>DJL's overloads that take a number ({@code x.mul(2f)}, {@code x.maximum(0f)},
 * {@code x.pow(-1f)}) wrap the number in a scalar array whose memory is a Java direct buffer, and
 * close that array as soon as the operation returns. PyTorch keeps the scalar for the backward pass
 * of multiplication, maximum and power, and reads it there; by then the garbage collector may have
 * freed the buffer, and the gradient is computed from whatever the memory holds. Training then
 * depended on when the collector ran (with a small young generation, 4 runs in 5 of the same recipe
 * and seed ended differently). These methods make the same scalar but attach it to the operand's
 * manager, so it lives until that manager (or the enclosing {@code NDScope}) closes, after the
 * backward pass. The values are those of DJL's overloads.
 */
public final class Ops {

    private Ops() {
    }

    /** The scalar {@code value} (float32), attached to {@code like}'s manager. */
    public static NDArray constant(NDArray like, float value) {
        return like.getManager().create(value);
    }

    /** {@code x · factor}. */
    public static NDArray times(NDArray x, float factor) {
        return x.mul(constant(x, factor));
    }

    /** {@code x ^ exponent}. */
    public static NDArray power(NDArray x, float exponent) {
        return x.pow(constant(x, exponent));
    }

    /** {@code log(1 + e^x)}, stable for large {@code |x|}: {@code max(x, 0) + log(1 + e^−|x|)}. */
    public static NDArray softplus(NDArray x) {
        return x.maximum(constant(x, 0f)).add(x.abs().neg().exp().add(1f).log());
    }

    /** {@code σ(x) = (1 + e^−x)^−1}. */
    public static NDArray sigmoid(NDArray x) {
        return power(x.neg().exp().add(1f), -1f);
    }
}
