package dev.kaizen.djl.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import dev.kaizen.djl.engine.DjlRuntime;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class OpsTest {

    private static final float[] X = {-3f, -1f, -0.25f, 0.25f, 1f, 3f};

    @Test
    void gradientsThroughConstantsSurviveTheGarbageCollector() {
        // d/dx [3·softplus(x) + σ(x)^1] = 3σ(x) + σ(x)(1 − σ(x)), with garbage collections and fresh
        // direct buffers (which reuse freed memory) between the forward and the backward pass
        float[] gradient = gradient(x -> Ops.times(Ops.softplus(x), 3f).add(Ops.sigmoid(x)));
        for (int i = 0; i < X.length; i++) {
            double s = 1 / (1 + Math.exp(-X[i]));
            assertThat(gradient[i]).as("x = %s", X[i]).isCloseTo((float) (3 * s + s * (1 - s)), within(1e-5f));
        }
    }

    @Test
    void valuesAreThoseOfDjlsNumberOverloads() {
        DjlRuntime.run(() -> {
            try (NDScope scope = new NDScope(); NDManager manager = DjlRuntime.engine().newBaseManager()) {
                scope.suppressNotUsedWarning();
                NDArray x = manager.create(X);
                assertThat(Ops.softplus(x).toFloatArray())
                        .containsExactly(x.maximum(0f).add(x.abs().neg().exp().add(1f).log()).toFloatArray());
                assertThat(Ops.times(x, 0.3f).toFloatArray()).containsExactly(x.mul(0.3f).toFloatArray());
                assertThat(Ops.sigmoid(x).toFloatArray())
                        .containsExactly(x.neg().exp().add(1f).pow(-1f).toFloatArray());
            }
        });
    }

    static float[] gradient(UnaryOperator<NDArray> function) {
        return DjlRuntime.call(() -> {
            try (NDScope scope = new NDScope(); NDManager manager = DjlRuntime.engine().newBaseManager()) {
                scope.suppressNotUsedWarning();
                NDArray x = manager.create(X);
                x.setRequiresGradient(true);
                try (GradientCollector collector = DjlRuntime.engine().newGradientCollector()) {
                    NDArray y = function.apply(x).sum();
                    List<ByteBuffer> garbage = churn();
                    collector.backward(y);
                    assertThat(garbage).isNotEmpty();
                    return x.getGradient().toFloatArray();
                }
            }
        });
    }

    /** Collects garbage, then fills many small fresh direct buffers with a large value. */
    private static List<ByteBuffer> churn() {
        List<ByteBuffer> kept = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int k = 0; k < 2_000; k++) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
                buffer.putFloat(0, 1e30f);
                kept.add(buffer);
            }
        }
        return kept;
    }
}
