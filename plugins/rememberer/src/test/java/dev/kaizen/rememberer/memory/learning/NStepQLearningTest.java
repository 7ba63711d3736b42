package dev.kaizen.rememberer.memory.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NStepQLearningTest {

    private static final double[] REWARDS = {0.0, 0.2, 0.0, 1.0};

    @Test
    void monteCarloTargetIsTheDiscountedReturnToTheEnd() {
        NStepQLearning rule = new NStepQLearning(Double.NaN, 0.9, 0);
        // t = 0: 0 + 0.9·0.2 + 0.81·0 + 0.729·1 = 0.909
        assertThat(rule.target(REWARDS, 0, 123.0)).isCloseTo(0.909, within(1e-12));
        // t = 1: 0.2 + 0.9·0 + 0.81·1 = 1.01
        assertThat(rule.target(REWARDS, 1, 123.0)).isCloseTo(1.01, within(1e-12));
        assertThat(rule.target(REWARDS, 3, 123.0)).isEqualTo(1.0);
        assertThat(rule.bootstraps(0, REWARDS.length)).isFalse();
    }

    @Test
    void nStepTargetSumsNRewardsThenBootstraps() {
        NStepQLearning rule = new NStepQLearning(Double.NaN, 0.5, 2);
        // t = 0: r0 + 0.5·r1 + 0.25·maxQ(o2) = 0 + 0.1 + 0.25·0.8 = 0.3
        assertThat(rule.bootstraps(0, 4)).isTrue();
        assertThat(rule.bootstrapStep(0)).isEqualTo(2);
        assertThat(rule.target(REWARDS, 0, 0.8)).isCloseTo(0.3, within(1e-12));
        // t = 1: r1 + 0.5·r2 + 0.25·maxQ(o3) = 0.2 + 0 + 0.25·0.4 = 0.3
        assertThat(rule.target(REWARDS, 1, 0.4)).isCloseTo(0.3, within(1e-12));
        // t = 2: o4 would be past the end: r2 + 0.5·r3 = 0.5, no bootstrap
        assertThat(rule.bootstraps(2, 4)).isFalse();
        assertThat(rule.target(REWARDS, 2, 99.0)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void oneStepTargetIsTheTdTarget() {
        NStepQLearning rule = new NStepQLearning(0.1, 1.0, 1);
        assertThat(rule.target(REWARDS, 1, 0.7)).isCloseTo(0.2 + 0.7, within(1e-12));
        assertThat(rule.target(REWARDS, 3, 0.7)).isEqualTo(1.0);
    }

    @Test
    void oneOverNKeepsTheRunningMeanOfTargets() {
        NStepQLearning rule = new NStepQLearning(Double.NaN, 1.0, 0);
        double q = rule.updated(0.0, 1, 0.6);
        assertThat(q).isEqualTo(0.6);
        q = rule.updated(q, 2, 1.0);
        assertThat(q).isCloseTo(0.8, within(1e-12));
        q = rule.updated(q, 3, 0.2);
        assertThat(q).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void constantAlphaWeighsRecentTargets() {
        NStepQLearning rule = new NStepQLearning(0.25, 1.0, 0);
        double q = rule.updated(0.0, 1, 0.8);
        assertThat(q).isEqualTo(0.8);
        q = rule.updated(q, 2, 0.0);
        assertThat(q).isCloseTo(0.6, within(1e-12)); // 0.75·0.8
        q = rule.updated(q, 3, 1.0);
        assertThat(q).isCloseTo(0.7, within(1e-12)); // 0.75·0.6 + 0.25
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> new NStepQLearning(0.0, 1.0, 0)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new NStepQLearning(1.5, 1.0, 0)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new NStepQLearning(Double.NaN, 1.1, 0)).hasMessageContaining("gamma");
        assertThatThrownBy(() -> new NStepQLearning(Double.NaN, 1.0, -1)).hasMessageContaining("nStep");
        assertThatThrownBy(() -> new NStepQLearning(Double.NaN, 1.0, 0).updated(0, 0, 1))
                .hasMessageContaining("visits");
    }
}
