package dev.kaizen.eto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.PairLevel;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpertPairingTest {

    private static final Task TASK = new Task("train-0", Split.TRAIN, "buy a red mug");
    private static final Task OTHER = new Task("train-1", Split.TRAIN, "buy a blue mug");

    /** A trajectory of {@code actions} (one step each) from the same start page, ending with {@code reward}. */
    static Trajectory trajectory(Task task, TrajectorySource source, double reward, String... actions) {
        List<Step> steps = new ArrayList<>();
        Observation observation = new Observation("start", List.of(), List.of("search[{}]"), false, 0, Map.of());
        for (String action : actions) {
            steps.add(new Step(observation, Action.of(action), 0.0));
            observation = new Observation("after " + action, List.of(), List.of(), false, 0, Map.of());
        }
        return Trajectory.of(task, steps, reward, source);
    }

    private static Trajectory expert(double reward) {
        return trajectory(TASK, TrajectorySource.EXPERT, reward, "search[red mug]", "click[item-1]", "click[Buy Now]");
    }

    private static List<String> actions(List<Step> steps) {
        return steps.stream().map(s -> s.action().text()).toList();
    }

    @Test
    void expertBetterMakesTheExpertChosenAndTheAgentRejected() {
        Trajectory expert = expert(1.0);
        Trajectory agent = trajectory(TASK, TrajectorySource.AGENT, 0.25, "search[mug]", "click[item-7]",
                "click[Buy Now]");

        ExpertPairing.Result result = new ExpertPairing(5).pair(expert, List.of(agent));

        assertThat(result.pairs()).hasSize(1);
        PreferencePair pair = result.pairs().get(0);
        assertThat(pair.level()).isEqualTo(PairLevel.TRAJECTORY);
        assertThat(pair.chosen()).isEqualTo(expert.steps());
        assertThat(pair.rejected()).isEqualTo(agent.steps());
        assertThat(pair.margin()).isEqualTo(0.75);
        assertThat(pair.context()).isEqualTo(expert.contextAt(0));
        assertThat(result.expertChosen()).isEqualTo(1);
        assertThat(result.agentChosen()).isZero();
        assertThat(result.truncated()).isZero();
    }

    @Test
    void agentBetterMakesTheAgentChosenAndTheExpertRejected() {
        Trajectory expert = expert(0.5);
        Trajectory agent = trajectory(TASK, TrajectorySource.AGENT, 1.0, "search[red ceramic mug]", "click[Buy Now]");

        ExpertPairing.Result result = new ExpertPairing(5).pair(expert, List.of(agent));

        assertThat(result.pairs()).singleElement().satisfies(pair -> {
            assertThat(pair.chosen()).isEqualTo(agent.steps());
            assertThat(pair.rejected()).isEqualTo(expert.steps());
            assertThat(pair.margin()).isEqualTo(0.5);
        });
        assertThat(result.agentChosen()).isEqualTo(1);
        assertThat(result.expertChosen()).isZero();
    }

    @Test
    void equalRewardsAreDropped() {
        Trajectory expert = expert(1.0);
        Trajectory sameReward = trajectory(TASK, TrajectorySource.AGENT, 1.0, "search[mug red]", "click[item-1]",
                "click[Buy Now]");
        Trajectory withinRounding = trajectory(TASK, TrajectorySource.AGENT, 1.0 - 1e-12, "search[a red mug]",
                "click[Buy Now]");

        ExpertPairing.Result result = new ExpertPairing(5).pair(expert, List.of(sameReward, withinRounding));

        assertThat(result.pairs()).isEmpty();
        assertThat(result.ties()).isEqualTo(2);
        assertThat(result.considered()).isEqualTo(2);
    }

    @Test
    void rejectedTrajectoryIsCutToExpertLengthPlusSlack() {
        Trajectory expert = expert(1.0); // 3 steps
        String[] wandering = new String[12];
        for (int i = 0; i < wandering.length; i++) {
            wandering[i] = "click[page-" + i + "]";
        }
        Trajectory agent = trajectory(TASK, TrajectorySource.AGENT, 0.0, wandering);

        PreferencePair withSlack = new ExpertPairing(5).pair(expert, List.of(agent)).pairs().get(0);
        PreferencePair noSlack = new ExpertPairing(0).pair(expert, List.of(agent)).pairs().get(0);

        assertThat(actions(withSlack.rejected())).containsExactly("click[page-0]", "click[page-1]", "click[page-2]",
                "click[page-3]", "click[page-4]", "click[page-5]", "click[page-6]", "click[page-7]");
        assertThat(actions(noSlack.rejected())).containsExactly("click[page-0]", "click[page-1]", "click[page-2]");
        assertThat(withSlack.chosen()).isEqualTo(expert.steps());
        assertThat(withSlack.margin()).isEqualTo(1.0);
        assertThat(new ExpertPairing(5).pair(expert, List.of(agent)).truncated()).isEqualTo(1);
    }

    @Test
    void rejectedTrajectoryAtTheLimitIsKeptWhole() {
        Trajectory expert = expert(1.0);
        Trajectory agent = trajectory(TASK, TrajectorySource.AGENT, 0.1, "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8");

        ExpertPairing.Result result = new ExpertPairing(5).pair(expert, List.of(agent));

        assertThat(result.pairs().get(0).rejected()).isEqualTo(agent.steps());
        assertThat(result.truncated()).isZero();
    }

    @Test
    void repeatedPairsAndUnusableTrajectoriesGiveNoPair() {
        Trajectory expert = expert(1.0);
        Trajectory agent = trajectory(TASK, TrajectorySource.AGENT, 0.2, "search[mug]", "click[Buy Now]");
        Trajectory again = trajectory(TASK, TrajectorySource.AGENT, 0.2, "search[mug]", "click[Buy Now]");
        // identical after the cut to 3 + 0 steps
        Trajectory longA = trajectory(TASK, TrajectorySource.AGENT, 0.0, "x1", "x2", "x3", "x4");
        Trajectory longB = trajectory(TASK, TrajectorySource.AGENT, 0.0, "x1", "x2", "x3", "y4");
        Trajectory failed = Trajectory.failed(TASK, expert.steps().subList(0, 1), TrajectorySource.AGENT, "boom");
        Trajectory empty = Trajectory.of(TASK, List.of(), 0.0, TrajectorySource.AGENT);

        ExpertPairing.Result result = new ExpertPairing(0).pair(expert,
                List.of(agent, again, longA, longB, failed, empty));

        assertThat(result.pairs()).hasSize(2);
        assertThat(result.duplicates()).isEqualTo(2);
        assertThat(result.unusable()).isEqualTo(2);
        assertThat(result.considered()).isEqualTo(6);
        assertThat(result.meanMargin()).isCloseTo(0.9, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void combineAddsCountsAndKeepsOrder() {
        Trajectory expert = expert(1.0);
        Trajectory other = trajectory(OTHER, TrajectorySource.EXPERT, 1.0, "search[blue mug]", "click[Buy Now]");
        ExpertPairing pairing = new ExpertPairing(5);
        ExpertPairing.Result a = pairing.pair(expert, List.of(trajectory(TASK, TrajectorySource.AGENT, 0.5, "z")));
        ExpertPairing.Result b = pairing.pair(other, List.of(trajectory(OTHER, TrajectorySource.AGENT, 1.0, "w"),
                trajectory(OTHER, TrajectorySource.AGENT, 0.0, "v")));

        ExpertPairing.Result both = ExpertPairing.combine(List.of(a, b));

        assertThat(both.pairs()).containsExactly(a.pairs().get(0), b.pairs().get(0));
        assertThat(both.expertChosen()).isEqualTo(2);
        assertThat(both.ties()).isEqualTo(1);
        assertThat(both.meanMargin()).isEqualTo(0.75);
    }

    @Test
    void badInputIsRejectedWithTheReason() {
        Trajectory expert = expert(1.0);
        assertThatThrownBy(() -> new ExpertPairing(5).pair(expert,
                List.of(trajectory(OTHER, TrajectorySource.AGENT, 0, "x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("train-1").hasMessageContaining("train-0");
        assertThatThrownBy(() -> new ExpertPairing(-1)).hasMessageContaining("truncationSlack must be >= 0");
        assertThatThrownBy(() -> new ExpertPairing(5).pair(Trajectory.of(TASK, List.of(), 1, TrajectorySource.EXPERT),
                List.of())).hasMessageContaining("has no steps");
    }
}
