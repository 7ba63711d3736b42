package dev.kaizen.household;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.testing.SimpleRollouts;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.household.baseline.RandomPolicy;
import dev.kaizen.household.world.Layout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    /** Everything an agent could ever see of a household: layouts, worlds, tasks and the observations of many episodes. */
    private static String transcript(HouseholdEnvironment household) {
        StringBuilder out = new StringBuilder();
        for (Layout layout : household.layouts()) {
            out.append(layout).append('\n');
        }
        out.append(household.heldOut()).append('\n');
        List<Task> tasks = new ArrayList<>();
        for (Split split : Split.values()) {
            tasks.addAll(household.tasks(split));
        }
        for (Task task : tasks) {
            out.append(task).append(" | ").append(household.groundTruth(task).world()).append('\n');
            for (Step step : household.demonstration(task).orElseThrow().steps()) {
                out.append(step.observation()).append(" >> ").append(step.action()).append('\n');
            }
        }
        for (Trajectory run : new SimpleRollouts().run(new RolloutRequest(household, tasks, new RandomPolicy(),
                new Sampling(1, 1.0, 3), "random"))) {
            for (Step step : run.steps()) {
                out.append(step.observation()).append(" >> ").append(step.action()).append(' ').append(step.reward())
                        .append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void sameSeedGivesIdenticalLayoutsWorldsTasksAndObservations() {
        String first = transcript(new HouseholdEnvironment(Households.small(11)));
        String second = transcript(new HouseholdEnvironment(Households.small(11)));
        String other = transcript(new HouseholdEnvironment(Households.small(12)));
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first.length()).isGreaterThan(500_000);
    }

    @Test
    void aTaskDependsOnlyOnTheConfigAndItsIndex() {
        HouseholdEnvironment few = new HouseholdEnvironment(new HouseholdConfig(5L, 10, 5, 5, null, null, null, null,
                null, null));
        HouseholdEnvironment more = new HouseholdEnvironment(new HouseholdConfig(5L, 40, 5, 5, null, null, null, null,
                null, null));
        for (int i = 0; i < 10; i++) {
            Task task = few.tasks(Split.TRAIN).get(i);
            assertThat(more.tasks(Split.TRAIN).get(i)).isEqualTo(task);
            assertThat(more.groundTruth(Split.TRAIN).get(i).world()).isEqualTo(few.groundTruth(task).world());
        }
    }
}
