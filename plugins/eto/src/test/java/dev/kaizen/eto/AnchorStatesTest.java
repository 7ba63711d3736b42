package dev.kaizen.eto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.ObservationSimilarity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnchorStatesTest {

    private static Observation page(String text) {
        return new Observation(text, List.of(Action.of("click", "next")), List.of(), false, 0, Map.of());
    }

    /** Alike when the texts start with the same word; counts its calls. */
    private static final class FirstWord implements ObservationSimilarity {
        final List<String> calls = new ArrayList<>();

        @Override
        public double between(Observation a, Observation b) {
            calls.add(a.text() + "|" + b.text());
            return a.text().split(" ")[0].equals(b.text().split(" ")[0]) ? 0.9 : 0.2;
        }
    }

    @Test
    void observationsAsSimilarAsTheThresholdShareAnAnchorAndOthersStartTheirOwn() {
        List<List<Observation>> group = List.of(
                List.of(page("kitchen step 1"), page("fridge step 2")),
                List.of(page("kitchen step 7"), page("hall step 8"), page("fridge step 9")));
        List<List<?>> anchors = AnchorStates.bySimilarity(group, new FirstWord(), 0.9);
        assertThat(anchors).containsExactly(List.of(0, 1), List.of(0, 2, 1));
    }

    @Test
    void belowTheThresholdEveryDistinctObservationIsItsOwnAnchorButEqualOnesStillShare() {
        List<List<Observation>> group = List.of(
                List.of(page("kitchen step 1"), page("kitchen step 2")),
                List.of(page("kitchen step 1")));
        FirstWord similarity = new FirstWord();
        assertThat(AnchorStates.bySimilarity(group, similarity, 0.95)).containsExactly(List.of(0, 1), List.of(0));
        assertThat(similarity.calls).as("an equal observation is not compared again").hasSize(1);
    }

    @Test
    void anObservationJoinsTheFirstAnchorByItsFirstObservationNotByChains() {
        // a ~ b and b ~ c, but a is not ~ c: c starts its own anchor rather than joining through b
        ObservationSimilarity chain = (x, y) -> Math.abs(x.text().length() - y.text().length()) <= 1 ? 1.0 : 0.0;
        List<List<Observation>> group = List.of(List.of(page("a"), page("bb"), page("ccc")));
        assertThat(AnchorStates.bySimilarity(group, chain, 1.0)).containsExactly(List.of(0, 0, 1));
    }

    @Test
    void observationsWithOtherActionsAreDistinctButTheSimilarityMayJoinThem() {
        Observation one = new Observation("kitchen", List.of(Action.of("click", "a")), List.of(), false, 0, Map.of());
        Observation other = new Observation("kitchen", List.of(Action.of("click", "b")), List.of(), false, 0, Map.of());
        FirstWord similarity = new FirstWord();
        assertThat(AnchorStates.bySimilarity(List.of(List.of(one), List.of(other)), similarity, 0.9))
                .containsExactly(List.of(0), List.of(0));
        assertThat(similarity.calls).containsExactly("kitchen|kitchen");
    }
}
