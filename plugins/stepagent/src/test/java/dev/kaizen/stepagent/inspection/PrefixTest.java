package dev.kaizen.stepagent.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixTest {

    private final CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());
    // train-0 has target 1 (2 expert steps), train-1 target 3 (4 expert steps)
    private final Trajectory one = environment.demonstration(environment.tasks(Split.TRAIN).get(0)).orElseThrow();
    private final Trajectory three = environment.demonstration(environment.tasks(Split.TRAIN).get(1)).orElseThrow();

    @Test
    void cutsEveryTrajectoryAfterEachActionInOrder() {
        List<Prefix> prefixes = Prefix.cut(List.of(one, three));

        assertThat(prefixes).extracting(Prefix::step).containsExactly(0, 1, 0, 1, 2, 3);
        assertThat(prefixes).extracting(p -> p.demonstration().task().id())
                .containsExactly("train-0", "train-0", "train-1", "train-1", "train-1", "train-1");
        assertThat(prefixes).extracting(p -> p.expertStep().action().text())
                .containsExactly("click[+1]", "click[submit]",
                        "click[+1]", "click[+1]", "click[+1]", "click[submit]");
    }

    @Test
    void aPrefixHoldsTheExpertHistoryBeforeItsStepAndThatStepsObservation() {
        Prefix third = new Prefix(three, 2);
        AgentContext context = third.context();

        assertThat(context.task()).isEqualTo(three.task());
        assertThat(context.history()).extracting(Step::action)
                .containsExactly(Action.of("click[+1]"), Action.of("click[+1]"));
        assertThat(context.step()).isEqualTo(2);
        assertThat(context.observation().text()).isEqualTo("Instruction: set the counter to 3. Value: 2");
        assertThat(context.advice()).isEmpty();

        Prefix last = new Prefix(three, 3);
        assertThat(last.context().history()).hasSize(3);
        assertThat(last.context().observation().text()).endsWith("Value: 3");
        assertThat(last.expertStep().action()).isEqualTo(Action.of("click[submit]"));
    }

    @Test
    void trajectoriesWithoutStepsGiveNoPrefixes() {
        Trajectory empty = Trajectory.failed(three.task(), List.of(), three.source(), "no action");
        assertThat(Prefix.cut(List.of(empty, one))).hasSize(2);
        assertThat(Prefix.cut(List.of())).isEmpty();
    }

    @Test
    void rejectsStepsOutsideTheTrajectory() {
        assertThatThrownBy(() -> new Prefix(three, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 4)");
        assertThatThrownBy(() -> new Prefix(three, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
