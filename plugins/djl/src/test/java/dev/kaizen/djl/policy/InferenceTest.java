package dev.kaizen.djl.policy;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.djl.engine.DjlRuntime;
import dev.kaizen.djl.features.EncodedContext;
import dev.kaizen.djl.features.EncodingStabilityTest;
import dev.kaizen.djl.features.FeatureEncoder;
import dev.kaizen.djl.text.TextProfiles;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Inference (row and token heads on two threads) against the one-thread forward pass that training uses. */
class InferenceTest {

    @Test
    void inferenceOnTwoThreadsEqualsTheForwardPassBitForBit() {
        List<AgentContext> contexts = EncodingStabilityTest.contexts(new SplittableRandom(3), 96);
        for (boolean words : new boolean[] {false, true}) {
            DjlScorerConfig config = new DjlScorerConfig(4096, 16, 32, words, null, null, null);
            FeatureEncoder encoder = new FeatureEncoder(new TextProfiles(64), 4096, 2.0, words);
            List<EncodedContext> encoded = contexts.stream().map(c -> encoder.encode(c, null)).toList();
            assertThat(encoded.stream().mapToInt(EncodedContext::tokens).sum()).as("some contexts have fillers")
                    .isPositive();
            assertThat(encoded.stream().filter(e -> e.tokens() == 0).count()).as("some have none").isPositive();
            try (ScorerNetwork network = DjlRuntime.call(() -> ScorerNetwork.initialise(config, 5))) {
                AtomicInteger compared = new AtomicInteger();
                for (int[] range : new int[][] {{0, 96}, {0, 1}, {1, 2}, {2, 3}, {10, 43}}) {
                    EncodedBatch batch = new EncodedBatch(encoded.subList(range[0], range[1]));
                    float[][] expected = DjlRuntime.call(() -> {
                        try (NDScope scope = new NDScope(); NDManager manager = DjlRuntime.engine().newBaseManager()) {
                            scope.suppressNotUsedWarning();
                            ScorerNetwork.Forward forward = network.forward(manager, batch, false);
                            return new float[][] {forward.logProbabilities().toFloatArray(),
                                forward.tokenLogits().toFloatArray()};
                        }
                    });
                    assertBitsEqual(DjlRuntime.call(() -> network.infer(batch)), expected);
                    // inside a gradient collector: same numbers, and the caller keeps recording gradients
                    DjlRuntime.run(() -> {
                        try (GradientCollector collector = DjlRuntime.engine().newGradientCollector()) {
                            assertBitsEqual(network.infer(batch), expected);
                            assertThat(JniUtils.isGradMode()).isTrue();
                        }
                    });
                    compared.incrementAndGet();
                }
                assertThat(compared).hasValue(5);
            }
        }
    }

    private static void assertBitsEqual(float[][] actual, float[][] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int k = 0; k < expected.length; k++) {
            assertThat(actual[k]).hasSameSizeAs(expected[k]);
            for (int i = 0; i < expected[k].length; i++) {
                assertThat(Float.floatToIntBits(actual[k][i])).as("array %d, element %d", k, i)
                        .isEqualTo(Float.floatToIntBits(expected[k][i]));
            }
        }
    }
}
