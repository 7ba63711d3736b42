package dev.kaizen.djl.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QueryModelTest {

    private static final float[] LOGITS = {2.0f, -1.0f, 0.5f, -3.0f, 0.1f};

    @Test
    void theLikelihoodIsAProductOfBernoullis() {
        boolean[] z = {true, false, true, false, false};
        double expected = Math.log(sigmoid(2)) + Math.log(sigmoid(1)) + Math.log(sigmoid(0.5)) + Math.log(sigmoid(3))
                + Math.log(sigmoid(-0.1));
        assertThat(QueryModel.logLikelihood(LOGITS, z)).isCloseTo(expected, within(1e-6));
        // over all subsets the probabilities sum to one
        double total = 0;
        for (int mask = 0; mask < 32; mask++) {
            total += Math.exp(QueryModel.logLikelihood(LOGITS, bits(mask)));
        }
        assertThat(total).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void bestListsTheMostLikelyNonEmptySubsetsInOrder() {
        List<boolean[]> best = QueryModel.best(LOGITS, 31);
        assertThat(best).hasSize(31);
        List<boolean[]> brute = new ArrayList<>();
        for (int mask = 1; mask < 32; mask++) {
            brute.add(bits(mask));
        }
        brute.sort(Comparator.comparingDouble(z -> -QueryModel.logLikelihood(LOGITS, z)));
        for (int k = 0; k < 31; k++) {
            assertThat(QueryModel.logLikelihood(LOGITS, best.get(k)))
                    .isCloseTo(QueryModel.logLikelihood(LOGITS, brute.get(k)), within(1e-6));
        }
        assertThat(best.get(0)).containsExactly(true, false, true, false, true);
        assertThat(best.stream().map(Arrays::toString).distinct().count()).isEqualTo(31);
        // all logits negative: the best non-empty subset keeps the least negative token
        assertThat(QueryModel.best(new float[] {-2f, -0.5f, -3f}, 1).get(0)).containsExactly(false, true, false);
    }

    @Test
    void samplesFollowTheTemperedProbabilities() {
        SplittableRandom random = new SplittableRandom(5);
        int[] kept = new int[LOGITS.length];
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            boolean[] z = QueryModel.sample(LOGITS, 2.0, random);
            for (int t = 0; t < z.length; t++) {
                kept[t] += z[t] ? 1 : 0;
            }
        }
        // draws are conditioned on being non-empty: P(z_t | non-empty) = σ(s_t/T) / (1 − P(empty))
        double empty = 1;
        for (float s : LOGITS) {
            empty *= 1 - sigmoid(s / 2.0);
        }
        for (int t = 0; t < LOGITS.length; t++) {
            assertThat(kept[t] / (double) draws).isCloseTo(sigmoid(LOGITS[t] / 2.0) / (1 - empty), within(0.015));
        }
        double mass = 0;
        for (int mask = 0; mask < 32; mask++) {
            mass += Math.exp(QueryModel.logLikelihood(LOGITS, bits(mask)) / 2.0);
        }
        assertThat(QueryModel.temperedLogMass(LOGITS, 2.0)).isCloseTo(Math.log(mass), within(1e-6));
        assertThat(QueryModel.temperedLogMass(LOGITS, 1.0)).isCloseTo(0.0, within(1e-6));
    }

    private static boolean[] bits(int mask) {
        boolean[] z = new boolean[LOGITS.length];
        for (int t = 0; t < z.length; t++) {
            z[t] = (mask & (1 << t)) != 0;
        }
        return z;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
