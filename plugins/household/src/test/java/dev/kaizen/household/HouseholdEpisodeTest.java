package dev.kaizen.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.EpisodeSnapshot;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.household.goal.Family;
import dev.kaizen.household.play.HouseholdEpisode;
import dev.kaizen.household.tasks.HouseholdTask;
import dev.kaizen.household.world.Receptacle;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HouseholdEpisodeTest {

    private final HouseholdEnvironment household = Households.small();
    private final Task task = household.tasks(Split.TRAIN).get(0);

    @Test
    void startsInTheMiddleOfTheRoomWithEveryReceptacleToGoTo() {
        try (Episode episode = household.reset(task, 0)) {
            Observation start = episode.observation();
            HouseholdTask known = household.groundTruth(task);
            assertThat(start.text()).startsWith("You are in the middle of a")
                    .endsWith("\n\nYour task is to: " + task.instruction());
            assertThat(start.info()).containsEntry("page", "middle").containsEntry("holding", "nothing")
                    .containsEntry("event", "start").containsEntry("step", "0")
                    .containsEntry("room", known.world().room().name());
            List<Action> goTo = new ArrayList<>();
            for (Receptacle receptacle : known.world().receptacles()) {
                assertThat(start.text()).contains(receptacle.name());
                goTo.add(Action.of("go to " + receptacle.name()));
            }
            goTo.add(Action.of("inventory"));
            goTo.add(Action.of("look"));
            assertThat(start.actions()).containsExactlyElementsOf(goTo);
            assertThat(start.templates()).isEmpty();
            assertThat(start.done()).isFalse();
            assertThat(start.reward()).isZero();
        }
    }

    @Test
    void everyListedActionIsValid() {
        SplittableRandom random = new SplittableRandom(3);
        for (Task each : household.tasks(Split.TRAIN).subList(0, 20)) {
            try (Episode episode = household.reset(each, 0)) {
                for (int t = 0; t < 30 && !episode.observation().done(); t++) {
                    List<Action> listed = episode.observation().actions();
                    EpisodeSnapshot here = episode.snapshot();
                    for (Action action : listed) {
                        Observation after = episode.step(action);
                        assertThat(after.feedback()).as(action.text()).isEmpty();
                        assertThat(after.info()).as(action.text()).doesNotContainEntry("event", "invalid");
                        episode.restore(here);
                    }
                    episode.step(listed.get(random.nextInt(listed.size())));
                }
            }
        }
    }

    @Test
    void invalidActionsGiveFeedbackAndChangeNothing() {
        try (HouseholdEpisode episode = (HouseholdEpisode) household.reset(task, 0)) {
            Observation start = episode.observation();
            String state = episode.state().signature();
            assertRejected(episode, start, null, "type an action");
            assertRejected(episode, start, "", "type an action");
            assertRejected(episode, start, "dance", "'dance' is not an action");
            assertRejected(episode, start, "go to moon 1", "there is no moon 1 in this room");
            assertRejected(episode, start, "open moon 1", "there is no moon 1 in this room");
            assertRejected(episode, start, "take mug 9 from countertop 1", "you are not at the countertop 1");
            assertRejected(episode, start, "put mug 1 in cabinet 1", "you are not carrying the mug 1");
            assertRejected(episode, start, "heat mug 1 with sinkbasin 1", "you can only heat things with a microwave");
            assertRejected(episode, start, "use lamp", "only lamps can be used");
            assertRejected(episode, start, "examine sofa 9", "you can examine only the receptacle you are at");
            assertThat(episode.state().signature()).isEqualTo(state);
            assertThat(episode.observation().info()).containsEntry("step", "10");
        }
    }

    private static void assertRejected(Episode episode, Observation start, String action, String message) {
        Observation after = episode.step(action == null ? null : Action.of(action));
        assertThat(after.feedback()).as(action).contains(message);
        assertThat(after.text()).startsWith("Nothing happens.").contains(message);
        assertThat(after.info()).containsEntry("event", "invalid");
        assertThat(after.reward()).isZero();
        assertThat(after.done()).isFalse();
        assertThat(after.actions()).isEqualTo(start.actions());
    }

    @Test
    void actionsMatchIgnoringCaseSpacesAndTheWordForPut() {
        HouseholdTask known = household.groundTruth(task);
        String first = known.world().receptacles().get(0).name();
        try (Episode episode = household.reset(task, 0)) {
            Observation arrived = episode.step(Action.of("  GO TO   " + first.toUpperCase() + ". "));
            assertThat(arrived.feedback()).isEmpty();
            assertThat(arrived.text()).startsWith("You arrive at " + first + ".");
        }
        Trajectory demonstration = household.demonstration(task).orElseThrow();
        try (Episode episode = household.reset(task, 0)) {
            Observation last = null;
            for (Step step : demonstration.steps()) {
                last = episode.step(Action.of(step.action().text().replace(" in/on ", " on ")));
                assertThat(last.feedback()).isEmpty();
            }
            assertThat(last.done()).isTrue();
            assertThat(last.reward()).isEqualTo(1.0);
        }
    }

    @Test
    void snapshotAndRestoreGiveIdenticalContinuations() {
        for (Task each : household.tasks(Split.SEEN).subList(0, 10)) {
            SplittableRandom random = new SplittableRandom(each.id().hashCode());
            try (Episode episode = household.reset(each, 0); Episode other = household.reset(each, 0)) {
                for (int t = 0; t < 8; t++) {
                    List<Action> listed = episode.observation().actions();
                    episode.step(listed.get(random.nextInt(listed.size())));
                }
                EpisodeSnapshot snapshot = episode.snapshot();
                Observation at = episode.observation();
                List<Action> plan = new ArrayList<>();
                List<Observation> first = new ArrayList<>();
                for (int t = 0; t < 30 && !episode.observation().done(); t++) {
                    List<Action> listed = episode.observation().actions();
                    Action action = random.nextInt(5) == 0 ? Action.of("take nothing from nowhere")
                            : listed.get(random.nextInt(listed.size()));
                    plan.add(action);
                    first.add(episode.step(action));
                }
                episode.restore(snapshot);
                assertThat(episode.observation()).isEqualTo(at);
                other.restore(snapshot);
                for (int t = 0; t < plan.size(); t++) {
                    assertThat(episode.step(plan.get(t))).isEqualTo(first.get(t));
                    assertThat(other.step(plan.get(t))).isEqualTo(first.get(t));
                }
            }
        }
        try (Episode episode = household.reset(task, 0);
             Episode another = household.reset(household.tasks(Split.TRAIN).get(1), 0)) {
            assertThatThrownBy(() -> another.restore(episode.snapshot())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("another task");
            assertThatThrownBy(() -> episode.restore(null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rewardIsOneOnlyOnTheStepThatAchievesTheGoal() {
        for (Split split : Split.values()) {
            for (Task each : household.tasks(split)) {
                Trajectory demonstration = household.demonstration(each).orElseThrow();
                List<Step> steps = demonstration.steps();
                for (int t = 0; t < steps.size(); t++) {
                    assertThat(steps.get(t).reward()).isEqualTo(t + 1 == steps.size() ? 1.0 : 0.0);
                }
                assertThat(demonstration.reward()).isEqualTo(1.0);
            }
        }
    }

    @Test
    void placingWithoutTheTreatmentEarnsNothing() {
        int checked = 0;
        for (HouseholdTask known : household.groundTruth(Split.TRAIN)) {
            String treatment = known.goal().family().treatment();
            if (treatment == null) {
                continue;
            }
            try (Episode episode = household.reset(known.task(), 0)) {
                Observation last = episode.observation();
                for (Step step : household.demonstration(known.task()).orElseThrow().steps()) {
                    if (!step.action().text().startsWith(treatment + " ")) {
                        last = episode.step(step.action());
                    }
                }
                assertThat(last.feedback()).isEmpty();
                assertThat(last.text()).startsWith("You put the");
                assertThat(last.reward()).as(known.goal().toString()).isZero();
                assertThat(last.done()).isFalse();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void theStepLimitEndsTheEpisodeWithoutRewardAndLaterStepsAreRefused() {
        int limit = household.config().maxSteps();
        try (Episode episode = household.reset(task, 0)) {
            Observation last = null;
            for (int t = 0; t < limit; t++) {
                assertThat(episode.observation().done()).isFalse();
                last = episode.step(Action.of("look"));
                assertThat(last.reward()).isZero();
            }
            assertThat(last.done()).isTrue();
            assertThat(last.text()).contains("You have run out of steps (" + limit + ")");
            assertThat(last.actions()).isEmpty();
            Observation after = episode.step(Action.of("look"));
            assertThat(after.done()).isTrue();
            assertThat(after.reward()).isZero();
            assertThat(after.feedback()).contains("the episode has ended");
        }
    }

    @Test
    void lookInLightNeedsTheLampSwitchedOnWhileHoldingTheObject() {
        HouseholdTask known = household.groundTruth(Split.TRAIN).stream()
                .filter(t -> t.goal().family() == Family.LOOK_IN_LIGHT).findFirst().orElseThrow();
        List<Step> steps = household.demonstration(known.task()).orElseThrow().steps();
        Action use = steps.get(steps.size() - 1).action();
        assertThat(use.text()).startsWith("use " + known.goal().target());
        try (Episode episode = household.reset(known.task(), 0)) {
            for (Step step : steps.subList(0, steps.size() - 1)) {
                episode.step(step.action());
            }
            Observation on = episode.step(use);
            assertThat(on.text()).startsWith("You turn on the " + known.goal().target());
            assertThat(on.reward()).isEqualTo(1.0);
        }
    }
}
