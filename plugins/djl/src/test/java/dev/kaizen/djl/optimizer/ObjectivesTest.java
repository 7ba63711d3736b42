package dev.kaizen.djl.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.kaizen.djl.engine.DjlRuntime;
import org.junit.jupiter.api.Test;

class ObjectivesTest {

    @Test
    void dpoLossAndGradientSignsMatchAHandComputedCase() {
        DjlRuntime.run(() -> {
            try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
                NDArray chosen = manager.create(new float[] {-1.0f});
                NDArray rejected = manager.create(new float[] {-2.0f});
                chosen.setRequiresGradient(true);
                rejected.setRequiresGradient(true);
                NDArray refChosen = manager.create(new float[] {-1.5f});
                NDArray refRejected = manager.create(new float[] {-1.5f});
                float loss;
                try (GradientCollector collector = DjlRuntime.engine().newGradientCollector()) {
                    NDArray l = DpoObjective.loss(chosen, rejected, refChosen, refRejected, 0.5).sum();
                    collector.backward(l);
                    loss = l.getFloat();
                }
                // margin = (-1 + 1.5) - (-2 + 1.5) = 1; loss = -log σ(0.5) = log(1 + e^-0.5)
                assertThat((double) loss).isCloseTo(Math.log1p(Math.exp(-0.5)), within(1e-6));
                // dL/dchosen = -β·σ(-β·margin) = -0.5·σ(-0.5); dL/drejected is its opposite
                double expected = -0.5 / (1 + Math.exp(0.5));
                assertThat((double) chosen.getGradient().getFloat()).isCloseTo(expected, within(1e-6));
                assertThat((double) rejected.getGradient().getFloat()).isCloseTo(-expected, within(1e-6));
                assertThat(chosen.getGradient().getFloat()).isNegative();
            }
        });
    }

    @Test
    void ppoRatioIsClippedAsHandComputed() {
        DjlRuntime.run(() -> {
            try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
                // ratios 1.5, 0.5, 0.5, 1.5, 1.1 with advantages +1, +1, -1, -1, +2; ε = 0.2
                NDArray log = manager.create(new float[] {(float) Math.log(1.5), (float) Math.log(0.5),
                        (float) Math.log(0.5), (float) Math.log(1.5), (float) Math.log(1.1)});
                log.setRequiresGradient(true);
                NDArray old = manager.zeros(new ai.djl.ndarray.types.Shape(5));
                NDArray advantages = manager.create(new float[] {1, 1, -1, -1, 2});
                float[] objective;
                try (GradientCollector collector = DjlRuntime.engine().newGradientCollector()) {
                    NDArray surrogate = PpoObjective.clippedSurrogate(log, old, advantages, 0.2);
                    objective = surrogate.toFloatArray();
                    collector.backward(surrogate.sum());
                }
                // min(ρA, clip(ρ)A): 1.2, 0.5, -0.8, -1.5, 2.2
                assertThat(objective).containsExactly(new float[] {1.2f, 0.5f, -0.8f, -1.5f, 2.2f}, within(1e-5f));
                // d/dlog = ρA where the unclipped term is the minimum, 0 where the clipped one is
                assertThat(log.getGradient().toFloatArray())
                        .containsExactly(new float[] {0f, 0.5f, 0f, -1.5f, 2.2f}, within(1e-5f));
                assertThat(PpoObjective.clipped(log, old, 0.2).toFloatArray())
                        .containsExactly(1f, 1f, 1f, 1f, 0f);
            }
        });
    }

    @Test
    void gaeMatchesAHandComputedTrajectory() {
        double[] rewards = {0, 0, 1};
        double[] values = {0.5, 0.6, 0.7};
        double[] advantages = Gae.advantages(rewards, values, 0.9, 0.8);
        // δ2 = 1 - 0.7 = 0.3; δ1 = 0.9·0.7 - 0.6 = 0.03; δ0 = 0.9·0.6 - 0.5 = 0.04
        // A2 = 0.3; A1 = 0.03 + 0.72·0.3 = 0.246; A0 = 0.04 + 0.72·0.246 = 0.21712
        assertThat(advantages).containsExactly(new double[] {0.21712, 0.246, 0.3}, within(1e-9));
        assertThat(Gae.returns(advantages, values)).containsExactly(new double[] {0.71712, 0.846, 1.0}, within(1e-9));
        // λ = 1, γ = 1: advantages are returns-to-go minus values
        assertThat(Gae.advantages(new double[] {1, 2}, new double[] {0, 0}, 1, 1)).containsExactly(3, 2);
    }

    @Test
    void entropyAndKlIgnorePadding() {
        DjlRuntime.run(() -> {
            try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
                float half = (float) Math.log(0.5);
                NDArray log = manager.create(new float[] {half, half, -1e9f}, new ai.djl.ndarray.types.Shape(1, 3));
                NDArray mask = manager.create(new float[] {1, 1, 0}, new ai.djl.ndarray.types.Shape(1, 3));
                assertThat((double) PpoObjective.entropy(log, mask).getFloat()).isCloseTo(Math.log(2), within(1e-6));
                NDArray reference = manager.create(new float[] {(float) Math.log(0.25), (float) Math.log(0.75), -1e9f},
                        new ai.djl.ndarray.types.Shape(1, 3));
                double kl = 0.5 * Math.log(0.5 / 0.25) + 0.5 * Math.log(0.5 / 0.75);
                assertThat((double) PpoObjective.kl(log, reference, mask).getFloat()).isCloseTo(kl, within(1e-6));
            }
        });
    }
}
