package dev.kaizen.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.method.EvaluationResult;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WilsonTest {

    // Hand-computed with z = 1.959964: centre = (p + z²/2n) / (1 + z²/n),
    // half-width = z·sqrt(p(1−p)/n + z²/4n²) / (1 + z²/n).
    @Test
    void matchesHandComputedIntervals() {
        // 41 of 100: p = 0.41, z²/n = 0.0384146; centre = 0.4292073/1.0384146 = 0.4133296,
        // half = 1.959964·sqrt(0.002419 + 0.0000960365)/1.0384146 = 0.0946565
        assertThat(Wilson.interval95(41, 100).get(0)).isCloseTo(0.3186731, within(1e-6));
        assertThat(Wilson.interval95(41, 100).get(1)).isCloseTo(0.5079857, within(1e-6));
        // 5 of 10: symmetric around 0.5
        assertThat(Wilson.interval95(5, 10).get(0)).isCloseTo(0.2365931, within(1e-6));
        assertThat(Wilson.interval95(5, 10).get(1)).isCloseTo(0.7634069, within(1e-6));
        // 0 of 10 and 10 of 10: the bounds are exactly 0 and 1, the other side n/(n + z²)
        assertThat(Wilson.interval95(0, 10).get(0)).isEqualTo(0.0);
        assertThat(Wilson.interval95(0, 10).get(1)).isCloseTo(10 / (10 + Wilson.Z95 * Wilson.Z95) * (Wilson.Z95 * Wilson.Z95 / 10),
                within(1e-12)).isCloseTo(0.2775328, within(1e-6));
        assertThat(Wilson.interval95(10, 10).get(0)).isCloseTo(0.7224672, within(1e-6));
        assertThat(Wilson.interval95(10, 10).get(1)).isEqualTo(1.0);
        // 1 of 1
        assertThat(Wilson.interval95(1, 1).get(0)).isCloseTo(0.2065493, within(1e-6));
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> Wilson.interval95(3, 2)).hasMessageContaining("0 <= successes <= trials");
        assertThatThrownBy(() -> Wilson.interval95(0, 0)).hasMessageContaining("trials >= 1");
    }

    @Test
    void summarizesTrajectories() {
        List<Trajectory> trajectories = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Task task = new Task("t" + i, Split.SEEN, "x");
            trajectories.add(i == 3 ? Trajectory.failed(task, List.of(), TrajectorySource.AGENT, "boom")
                    : Trajectory.of(task, List.of(), i == 0 ? 0.5 : 1.0, TrajectorySource.AGENT));
        }
        EvaluationResult result = Evaluator.summarize("final", Split.SEEN, "greedy", trajectories);
        assertThat(result.episodes()).isEqualTo(4);
        assertThat(result.successRate()).isEqualTo(0.5);
        assertThat(result.meanReward()).isEqualTo(0.625);
        assertThat(result.successCi95()).isEqualTo(Wilson.interval95(2, 4));
    }
}
