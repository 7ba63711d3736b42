package dev.kaizen.agentq.pairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.search.ActionStatistics;
import dev.kaizen.api.search.NodeStatistics;
import dev.kaizen.api.trajectory.PairLevel;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepPairExtractorTest {

    private static final Observation PAGE = new Observation("page", List.of(Action.of("click[a]"),
            Action.of("click[b]"), Action.of("click[c]"), Action.of("click[d]")), List.of(), false, 0, null);
    private static final AgentContext CONTEXT = AgentContext.start(new Task("t", Split.TRAIN, "do it"), PAGE);

    private static ActionStatistics child(String name, int visits, double q, double critic) {
        return new ActionStatistics(new Step(PAGE, Action.of("click", name), 0.0), visits, q, critic);
    }

    /*
     * Preference values with α = 0.5: a 0.5·0.8 + 0.5·0.0 = 0.40; b 0.5·0.2 + 0.5·1.0 = 0.60;
     * c 0.5·0.3 + 0.5·0.5 = 0.40; d is unexplored (0 visits).
     */
    private static final NodeStatistics NODE = new NodeStatistics(CONTEXT, 9, List.of(
            child("a", 4, 0.8, 0.0), child("b", 3, 0.2, 1.0), child("c", 2, 0.3, 0.5), child("d", 0, 0.0, 0.7)));

    @Test
    void mixesTheSearchValueAndTheCriticScoreWithAlpha() {
        assertThat(StepPairExtractor.preferenceValue(0.5, 0.8, 0.0)).isCloseTo(0.4, within(1e-12));
        assertThat(StepPairExtractor.preferenceValue(0.25, 0.8, 0.4)).isCloseTo(0.25 * 0.8 + 0.75 * 0.4, within(1e-12));
        assertThat(StepPairExtractor.preferenceValue(1.0, 0.8, 0.4)).isEqualTo(0.8);
        assertThat(StepPairExtractor.preferenceValue(0.0, 0.8, 0.4)).isEqualTo(0.4);
    }

    @Test
    void pairsExploredSiblingsThatDifferByAtLeastTheta() {
        List<PreferencePair> pairs = new StepPairExtractor(0.5, 0.1, 1).pairs(NODE);
        // b ≻ a (0.2), b ≻ c (0.2); a and c tie; d is unexplored
        assertThat(pairs).hasSize(2);
        assertPair(pairs.get(0), "b", "a", 0.2);
        assertPair(pairs.get(1), "b", "c", 0.2);
        assertThat(pairs).allSatisfy(p -> {
            assertThat(p.level()).isEqualTo(PairLevel.STEP);
            assertThat(p.context()).isEqualTo(CONTEXT);
        });
    }

    @Test
    void thetaFiltersSmallDifferences() {
        assertThat(new StepPairExtractor(0.5, 0.2, 1).pairs(NODE)).hasSize(2);   // exactly θ counts
        assertThat(new StepPairExtractor(0.5, 0.21, 1).pairs(NODE)).isEmpty();
    }

    @Test
    void alphaOneUsesTheSearchValueOnly() {
        // a 0.8, b 0.2, c 0.3: a ≻ b (0.6), a ≻ c (0.5), c ≻ b (0.1)
        List<PreferencePair> pairs = new StepPairExtractor(1.0, 0.1, 1).pairs(NODE);
        assertThat(pairs).hasSize(3);
        assertPair(pairs.get(0), "a", "b", 0.6);
        assertPair(pairs.get(1), "a", "c", 0.5);
        assertPair(pairs.get(2), "c", "b", 0.1);
    }

    @Test
    void alphaZeroUsesTheCriticOnlyAndStillSkipsUnexploredChildren() {
        // a 0, b 1, c 0.5, sibling pairs in order (a,b), (a,c), (b,c); d (0.7) unexplored
        List<PreferencePair> pairs = new StepPairExtractor(0.0, 0.1, 1).pairs(NODE);
        assertThat(pairs).extracting(p -> p.chosen().get(0).action().argument() + ">"
                + p.rejected().get(0).action().argument()).containsExactly("b>a", "c>a", "b>c");
    }

    @Test
    void bestOnlyKeepsThePairsWhoseChosenChildIsTheNodesBest() {
        // α = 1: a 0.8 is best; a ≻ b and a ≻ c stay, c ≻ b (c is not the best) goes
        List<PreferencePair> pairs = new StepPairExtractor(1.0, 0.1, 1, true).pairs(NODE);
        assertThat(pairs).hasSize(2);
        assertPair(pairs.get(0), "a", "b", 0.6);
        assertPair(pairs.get(1), "a", "c", 0.5);
        // α = 0.5: b 0.6 is best; the pairs are the same as with every pair
        assertThat(new StepPairExtractor(0.5, 0.1, 1, true).pairs(NODE))
                .isEqualTo(new StepPairExtractor(0.5, 0.1, 1).pairs(NODE));
    }

    @Test
    void minVisitsDecidesWhatCountsAsExplored() {
        // only a (4) and b (3) count: b ≻ a
        List<PreferencePair> pairs = new StepPairExtractor(0.5, 0.1, 3).pairs(NODE);
        assertThat(pairs).hasSize(1);
        assertPair(pairs.get(0), "b", "a", 0.2);
    }

    @Test
    void thetaZeroStillNeedsAStrictDifference() {
        List<PreferencePair> pairs = new StepPairExtractor(0.5, 0.0, 1).pairs(NODE);
        assertThat(pairs).hasSize(2);   // a and c tie exactly: no pair
    }

    @Test
    void badSettingsAreRejected() {
        assertThatThrownBy(() -> new StepPairExtractor(1.5, 0.1, 1)).hasMessageContaining("alpha must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new StepPairExtractor(0.5, -0.1, 1)).hasMessageContaining("theta");
        assertThatThrownBy(() -> new StepPairExtractor(0.5, 0.1, 0)).hasMessageContaining("minVisits must be >= 1");
    }

    private static void assertPair(PreferencePair pair, String chosen, String rejected, double margin) {
        assertThat(pair.chosen().get(0).action()).isEqualTo(Action.of("click", chosen));
        assertThat(pair.rejected().get(0).action()).isEqualTo(Action.of("click", rejected));
        assertThat(pair.margin()).isCloseTo(margin, within(1e-12));
    }
}
