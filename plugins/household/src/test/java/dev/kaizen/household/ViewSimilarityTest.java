package dev.kaizen.household;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.ObservationSimilarity;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewSimilarityTest {

    private final HouseholdEnvironment household = Households.small();
    private final ObservationSimilarity similarity = household.observationSimilarity();

    private List<Observation> observations() {
        List<Observation> out = new ArrayList<>();
        for (Task task : household.tasks(Split.TRAIN).subList(0, 15)) {
            for (Step step : household.demonstration(task).orElseThrow().steps()) {
                out.add(step.observation());
            }
        }
        return out;
    }

    @Test
    void isSymmetricInRangeAndOneForIdenticalObservations() {
        List<Observation> all = observations();
        assertThat(all.size()).isGreaterThan(100);
        boolean partial = false;
        for (Observation a : all) {
            assertThat(similarity.between(a, a)).isEqualTo(1.0);
            assertThat(similarity.between(a, copyOf(a))).isEqualTo(1.0);
            for (Observation b : all) {
                double ab = similarity.between(a, b);
                assertThat(ab).isBetween(0.0, 1.0).isEqualTo(similarity.between(b, a));
                partial |= ab > 0 && ab < 1;
            }
        }
        assertThat(partial).isTrue();
    }

    @Test
    void comparesSituationsNotWording() {
        Observation cabinet = view("opened the cabinet", "cabinet", "cabinet 2", "nothing", "open");
        Observation otherCabinet = view("other words", "cabinet", "cabinet 3", "nothing", "open");
        Observation holding = view("opened the cabinet", "cabinet", "cabinet 2", "mug", "open");
        Observation fridge = view("opened the cabinet", "fridge", "fridge 1", "mug", "go");
        assertThat(similarity.between(cabinet, otherCabinet)).isEqualTo(0.9);
        assertThat(similarity.between(cabinet, holding)).isEqualTo(0.7);
        assertThat(similarity.between(cabinet, fridge)).isEqualTo(0.0);
    }

    @Test
    void observationsFromElsewhereAreComparedByTheirWords() {
        Observation foreign = new Observation("a red shoe", List.of(), List.of(), false, 0.0, Map.of("page", "item"));
        Observation bare = new Observation("a red shoe", List.of(), List.of(), false, 0.0, Map.of());
        assertThat(similarity.between(bare, bare)).isEqualTo(1.0);
        assertThat(similarity.between(foreign, bare)).isEqualTo(1.0);
        assertThat(similarity.between(bare, view("the blue hat", "desk", "desk 1", "nothing", "go"))).isEqualTo(0.0);
    }

    private static Observation view(String text, String page, String location, String holding, String event) {
        return new Observation(text, List.of(), List.of(), false, 0.0, Map.of("page", page, "location", location,
                "holding", holding, "event", event));
    }

    private static Observation copyOf(Observation o) {
        return new Observation(o.text(), o.actions(), o.templates(), o.done(), o.reward(), o.info());
    }
}
