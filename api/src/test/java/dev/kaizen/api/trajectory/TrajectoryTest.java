package dev.kaizen.api.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.env.Split;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.policy.AgentContext;
import org.junit.jupiter.api.Test;

class TrajectoryTest {

    private final CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());

    @Test
    void contextsAndPairsFollowTheSteps() {
        Trajectory expert = environment.demonstration(environment.tasks(Split.TRAIN).get(1)).orElseThrow();
        assertThat(expert.success()).isTrue();
        AgentContext third = expert.contextAt(2);
        assertThat(third.history()).hasSize(2);
        assertThat(third.observation()).isEqualTo(expert.steps().get(2).observation());

        Trajectory shorter = expert.truncate(1);
        PreferencePair pair = PreferencePair.ofTrajectories(expert, shorter, 1.0);
        assertThat(pair.level()).isEqualTo(PairLevel.TRAJECTORY);
        assertThat(PreferencePair.contextFor(pair.context(), pair.chosen(), 2)).isEqualTo(third);
    }

    @Test
    void stepPairsHaveOneStepEach() {
        Trajectory expert = environment.demonstration(environment.tasks(Split.TRAIN).get(1)).orElseThrow();
        assertThatThrownBy(() -> new PreferencePair(expert.contextAt(0), expert.steps(), expert.steps(),
                PairLevel.STEP, 0.5)).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> PreferencePair.ofSteps(expert.contextAt(0), expert.steps().get(0),
                expert.steps().get(1), -1)).hasMessageContaining("margin");
    }
}
