package dev.kaizen.agentq.mcts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kaizen.api.env.Action;
import org.junit.jupiter.api.Test;

class EdgeTest {

    @Test
    void backupIsTheRunningMeanOfReturns() {
        Edge edge = new Edge(Action.of("click[a]"), 1.0, 0);
        edge.backup(1.0);   // (0·0 + 1)/1
        assertThat(edge.value()).isEqualTo(1.0);
        edge.backup(0.0);   // (1·1 + 0)/2
        assertThat(edge.value()).isEqualTo(0.5);
        edge.backup(0.5);   // (0.5·2 + 0.5)/3
        assertThat(edge.value()).isEqualTo(0.5);
        edge.backup(0.9);   // (0.5·3 + 0.9)/4
        assertThat(edge.value()).isCloseTo(0.6, within(1e-12));
        assertThat(edge.visits()).isEqualTo(4);
    }

    @Test
    void backupOfFractionalReturns() {
        Edge edge = new Edge(Action.of("click[a]"), 0.0, 0);
        edge.backup(0.2);
        edge.backup(0.8);
        edge.backup(1.0);
        assertThat(edge.value()).isCloseTo(2.0 / 3.0, within(1e-12));
        assertThat(edge.visits()).isEqualTo(3);
    }
}
