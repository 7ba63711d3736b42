package dev.kaizen.eto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.ErrorCause;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without an expert for a task, its best successful exploration is preferred to its failures. */
class SelfPairingTest {

    private static final Task TASK = new Task("train-9", Split.TRAIN, "reach the end");

    @Test
    void theShortestSuccessIsChosenOverEveryFailureAndAnErroredTrialIsNeverChosen() {
        Trajectory longSuccess = trial(1.0, "a", "b", "c");
        Trajectory shortSuccess = trial(1.0, "a", "c");
        Trajectory failure = trial(0.2, "b", "b");
        Trajectory errored = Trajectory.errored(TASK, steps("a"), TrajectorySource.AGENT, ErrorCause.ENVIRONMENT,
                "server gone");
        List<Trajectory> trials = List.of(longSuccess, failure, errored, shortSuccess);

        Trajectory best = SelfPairing.bestSuccess(trials).orElseThrow();
        assertThat(best).isSameAs(shortSuccess);
        List<Trajectory> others = SelfPairing.others(trials, best);
        assertThat(others).containsExactly(longSuccess, failure, errored);

        ExpertPairing.Result result = new ExpertPairing(5).pair(best, others);
        // the other success ties, the errored trial is unusable: one pair, against the failure
        assertThat(result.pairs()).singleElement().satisfies(pair -> {
            assertThat(pair.chosen()).isEqualTo(shortSuccess.steps());
            assertThat(pair.rejected()).isEqualTo(failure.steps());
            assertThat(pair.margin()).isEqualTo(0.8, within(1e-12));
        });
        assertThat(result.ties()).isEqualTo(1);
        assertThat(result.unusable()).isEqualTo(1);
    }

    @Test
    void withoutASuccessThereIsNothingToPrefer() {
        assertThat(SelfPairing.bestSuccess(List.of(trial(0.5, "a"), trial(0.0, "b")))).isEmpty();
        assertThat(SelfPairing.bestSuccess(List.of())).isEmpty();
    }

    private static Trajectory trial(double reward, String... actions) {
        return Trajectory.of(TASK, steps(actions), reward, TrajectorySource.AGENT);
    }

    private static List<Step> steps(String... actions) {
        List<Step> steps = new ArrayList<>();
        for (String action : actions) {
            steps.add(new Step(new Observation("page", List.of(Action.of(action)), List.of(), false, 0.0, null),
                    Action.of(action), 0.0));
        }
        return steps;
    }
}
