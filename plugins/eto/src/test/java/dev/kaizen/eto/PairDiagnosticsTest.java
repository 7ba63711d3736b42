package dev.kaizen.eto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.testing.TabularPolicy;
import dev.kaizen.api.trajectory.PairLevel;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Step;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairDiagnosticsTest {

    private static final List<Action> THREE = List.of(Action.of("click[a]"), Action.of("click[b]"), Action.of("click[c]"));

    private static Observation page(String text) {
        return new Observation(text, THREE, List.of(), false, 0, Map.of());
    }

    @Test
    void sequenceLogProbabilitiesSumOverStepsAndMarginsCompareWithTheReference() {
        Task task = new Task("t", Split.TRAIN, "pick");
        Observation first = page("first");
        Observation second = page("second");
        List<Step> chosen = List.of(new Step(first, THREE.get(0), 0), new Step(second, THREE.get(1), 0));
        List<Step> rejected = List.of(new Step(first, THREE.get(2), 0));
        PreferencePair pair = new PreferencePair(AgentContext.start(task, first), chosen, rejected,
                PairLevel.TRAJECTORY, 1.0);
        TabularPolicy reference = new TabularPolicy(0.0);
        TabularPolicy trained = new TabularPolicy(0.0);
        trained.adjust(AgentContext.start(task, first), THREE.get(0), Math.log(2)); // logits [ln2, 0, 0] on "first"

        double[][] before = PairDiagnostics.sequenceLogProbabilities(reference, List.of(pair));
        double[][] after = PairDiagnostics.sequenceLogProbabilities(trained, List.of(pair));

        // uniform over three actions: two chosen steps, one rejected step
        assertThat(before[0][0]).isCloseTo(2 * Math.log(1 / 3.0), within(1e-12));
        assertThat(before[1][0]).isCloseTo(Math.log(1 / 3.0), within(1e-12));
        // on "first" the probabilities are now 2/4, 1/4, 1/4; "second" is untouched
        assertThat(after[0][0]).isCloseTo(Math.log(0.5) + Math.log(1 / 3.0), within(1e-12));
        assertThat(after[1][0]).isCloseTo(Math.log(0.25), within(1e-12));

        Map<String, Object> figures = PairDiagnostics.figures(before, after);
        double chosenGain = Math.log(0.5) - Math.log(1 / 3.0);
        double rejectedGain = Math.log(0.25) - Math.log(1 / 3.0);
        assertThat((double) figures.get("logRatioMargin")).isCloseTo(chosenGain - rejectedGain, within(1e-12));
        assertThat(figures.get("pairAccuracy")).isEqualTo(1.0);
        assertThat((double) figures.get("rejectedLogProbAfter")).isCloseTo(Math.log(0.25), within(1e-12));
    }
}
