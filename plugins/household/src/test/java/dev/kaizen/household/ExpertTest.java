package dev.kaizen.household;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import dev.kaizen.household.goal.Family;
import dev.kaizen.household.tasks.HouseholdTask;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpertTest {

    @Test
    void theExpertSolvesEverySeenAndUnseenTaskOfTheDefaultHousehold() {
        HouseholdEnvironment household = Households.standard();
        for (Split split : new Split[] {Split.SEEN, Split.UNSEEN}) {
            int solved = 0;
            Map<Family, Integer> families = new EnumMap<>(Family.class);
            for (Task task : household.tasks(split)) {
                Trajectory demonstration = household.demonstration(task).orElseThrow();
                solved += demonstration.success() ? 1 : 0;
                families.merge(household.groundTruth(task).goal().family(), 1, Integer::sum);
            }
            assertThat(household.tasks(split)).hasSize(500);
            assertThat(solved).as(split.id()).isGreaterThanOrEqualTo(495);
            assertThat(families).as("every family is asked in " + split).hasSize(Family.values().length);
        }
    }

    @Test
    void demonstrationsUseOnlyListedActionsAndFitTheStepLimit() {
        HouseholdEnvironment household = Households.small();
        for (Split split : Split.values()) {
            for (HouseholdTask known : household.groundTruth(split)) {
                Trajectory demonstration = household.demonstration(known.task()).orElseThrow();
                assertThat(demonstration.source()).isEqualTo(TrajectorySource.EXPERT);
                assertThat(demonstration.success()).isTrue();
                assertThat(demonstration.length()).isEqualTo(known.expertSteps())
                        .isLessThanOrEqualTo(household.config().maxSteps());
                for (Step step : demonstration.steps()) {
                    Observation seen = step.observation();
                    assertThat(seen.actions()).contains(step.action());
                }
            }
        }
    }

    @Test
    void plansRangeFromAFewStepsToLongSearches() {
        HouseholdEnvironment household = Households.standard();
        int shortest = Integer.MAX_VALUE;
        int longest = 0;
        long total = 0;
        for (HouseholdTask known : household.groundTruth(Split.TRAIN)) {
            shortest = Math.min(shortest, known.expertSteps());
            longest = Math.max(longest, known.expertSteps());
            total += known.expertSteps();
        }
        assertThat(shortest).isLessThanOrEqualTo(5);
        assertThat(longest).isBetween(25, 50);
        assertThat(total / (double) household.tasks(Split.TRAIN).size()).isBetween(8.0, 20.0);
    }
}
