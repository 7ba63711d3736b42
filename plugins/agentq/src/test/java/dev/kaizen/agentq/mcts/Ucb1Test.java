package dev.kaizen.agentq.mcts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kaizen.api.env.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ucb1Test {

    private static Edge edge(String name, double critic, int index, double... returns) {
        Edge edge = new Edge(Action.of("click", name), critic, index);
        for (double r : returns) {
            edge.backup(r);
        }
        return edge;
    }

    @Test
    void valueIsMeanPlusExplorationBonus() {
        Edge a = edge("a", 0.5, 0, 1, 0, 1, 0);         // Q 0.5, N 4
        // 0.5 + 1 · sqrt(ln 10 / 5) = 0.5 + 0.678614...
        assertThat(Ucb1.value(a, 10, 1.0)).isCloseTo(1.178614, within(1e-6));
        // c_exp scales the bonus only
        assertThat(Ucb1.value(a, 10, 0.5)).isCloseTo(0.5 + 0.339307, within(1e-6));
        // ln N(h) counts as 0 while the parent is unvisited
        assertThat(Ucb1.value(a, 0, 1.0)).isEqualTo(0.5);
    }

    @Test
    void selectsTheHighestUpperBound() {
        Edge a = edge("a", 1.0, 0, 1, 0, 1, 0);          // 0.5 + sqrt(ln 10 / 5) = 1.1786
        Edge b = edge("b", 0.5, 1, 1, 1, 1, 1, 0);       // 0.8 + sqrt(ln 10 / 6) = 1.4195
        Edge c = edge("c", 0.0, 2);                      // 0 + sqrt(ln 10 / 1) = 1.5174
        assertThat(Ucb1.select(List.of(a, b, c), 10, 1.0)).isSameAs(c);
        // with less exploration: a 0.8393, b 1.1097, c 0.7587
        assertThat(Ucb1.select(List.of(a, b, c), 10, 0.5)).isSameAs(b);
        // without exploration: the best mean
        assertThat(Ucb1.select(List.of(a, b, c), 10, 0.0)).isSameAs(b);
    }

    @Test
    void unvisitedChildrenOfAFreshNodeGoInTheCriticsOrder() {
        Edge first = edge("first", 0.2, 0);
        Edge second = edge("second", 0.9, 1);
        Edge third = edge("third", 0.5, 2);
        assertThat(Ucb1.select(List.of(first, second, third), 0, 1.0)).isSameAs(second);
    }

    @Test
    void equalCriticScoresFallBackToTheProposalOrder() {
        Edge later = edge("later", 0.5, 3);
        Edge earlier = edge("earlier", 0.5, 1);
        assertThat(Ucb1.select(List.of(later, earlier), 0, 1.0)).isSameAs(earlier);
    }

    @Test
    void tiesBetweenVisitedAndUnvisitedGoToTheCritic() {
        // N(h) = 1: ln 1 = 0, so the bonus vanishes; a visited child with Q = 0 ties with unvisited ones
        Edge visited = edge("visited", 1.0, 0, 0.0);
        Edge unvisited = edge("unvisited", 0.5, 1);
        assertThat(Ucb1.select(List.of(unvisited, visited), 1, 1.0)).isSameAs(visited);
        // N(h) = 2: visited 0 + sqrt(ln 2 / 2) = 0.589 < unvisited sqrt(ln 2) = 0.833
        assertThat(Ucb1.select(List.of(unvisited, visited), 2, 1.0)).isSameAs(unvisited);
    }

    @Test
    void commitsToTheMostVisitedOrTheBestValuedChild() {
        Edge many = edge("many", 0.0, 0, 0, 0, 1);       // N 3, Q 1/3
        Edge good = edge("good", 0.5, 1, 1, 1);          // N 2, Q 1
        Edge never = edge("never", 1.0, 2);
        assertThat(Ucb1.commit(List.of(many, good, never), MctsConfig.COMMIT_VISITS)).isSameAs(many);
        assertThat(Ucb1.commit(List.of(many, good, never), MctsConfig.COMMIT_VALUE)).isSameAs(good);
        assertThat(Ucb1.commit(List.of(never), MctsConfig.COMMIT_VISITS)).isNull();
    }

    @Test
    void commitTiesGoToValueThenToTheCritic() {
        Edge low = edge("low", 1.0, 0, 0, 0);            // N 2, Q 0
        Edge high = edge("high", 0.0, 1, 1, 0);          // N 2, Q 0.5
        assertThat(Ucb1.commit(List.of(low, high), MctsConfig.COMMIT_VISITS)).isSameAs(high);
        Edge twin = edge("twin", 0.7, 2, 1, 0);          // N 2, Q 0.5, better critic
        assertThat(Ucb1.commit(List.of(low, high, twin), MctsConfig.COMMIT_VISITS)).isSameAs(twin);
    }

    @Test
    void selectingFromNothingIsAnError() {
        assertThatThrownBy(() -> Ucb1.select(List.of(), 3, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
