package dev.kaizen.eto;

import static dev.kaizen.eto.ExpertPairingTest.trajectory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.method.EvaluationResult;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import dev.kaizen.eto.testing.RecordingBcFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RftMethodTest {

    @TempDir
    Path directory;

    private static Map<String, Object> recipe(int iterations) {
        Map<String, Object> method = new HashMap<>();
        method.put("type", "rft");
        method.put("demonstrations", 6);
        method.put("iterations", iterations);
        method.put("optimizer", Map.of("type", "bc", "step", 1.0));
        method.put("explorer", Map.of("type", "sample", "samples", 3, "temperature", 1.0));
        return method;
    }

    private static Map<String, Object> with(Map<String, Object> recipe, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(recipe);
        copy.put(key, value);
        return copy;
    }

    @Test
    void keepsDistinctSuccessesThatDoNotRepeatTheDemonstration() {
        Task a = new Task("train-0", Split.TRAIN, "a");
        Task b = new Task("train-1", Split.TRAIN, "b");
        Trajectory demoA = trajectory(a, TrajectorySource.EXPERT, 1.0, "x", "y");
        Trajectory copyOfDemo = trajectory(a, TrajectorySource.SEARCH, 1.0, "x", "y");
        Trajectory newWay = trajectory(a, TrajectorySource.SEARCH, 1.0, "x", "z", "y");
        Trajectory newWayAgain = trajectory(a, TrajectorySource.SEARCH, 1.0, "x", "z", "y");
        Trajectory partial = trajectory(a, TrajectorySource.SEARCH, 0.6, "q");
        Trajectory failed = Trajectory.failed(a, newWay.steps(), TrajectorySource.SEARCH, "boom");
        Trajectory otherTask = trajectory(b, TrajectorySource.SEARCH, 1.0, "x", "y");
        Map<String, List<Trajectory>> explored = new LinkedHashMap<>();
        explored.put("train-0", List.of(copyOfDemo, newWay, newWayAgain, partial, failed));
        explored.put("train-1", List.of(otherTask));

        assertThat(RftMethod.kept(explored, Map.of("train-0", demoA), 1.0)).containsExactly(newWay, otherTask);
        assertThat(RftMethod.kept(explored, Map.of("train-0", demoA), 0.5)).containsExactly(newWay, partial, otherTask);
    }

    @Test
    void trainsBehaviourCloningOnDemonstrationsPlusKeptSamplesEachRound() throws Exception {
        Fixture fixture = new Fixture(17, directory);
        fixture.run(recipe(2));

        assertThat(fixture.context.stages()).containsExactly("baseline", "iter-1", "final");
        assertThat(fixture.context.evaluations()).extracting(EvaluationResult::stage)
                .containsExactly("baseline", "baseline", "iter-1", "iter-1", "final", "final");
        List<Trajectory> demonstrations = fixture.context.trajectories().get("demonstrations");
        assertThat(fixture.bc.calls).hasSize(3);
        assertThat(fixture.bc.calls.get(0).batch().trajectories()).isEqualTo(demonstrations);
        for (int round = 1; round <= 2; round++) {
            List<Trajectory> kept = fixture.context.trajectories().get("iter-" + round + "-kept");
            assertThat(fixture.context.trajectories().get("iter-" + round + "-explore")).hasSize(18);
            assertThat(kept).allMatch(Trajectory::success);
            List<Trajectory> expected = new ArrayList<>(demonstrations);
            expected.addAll(kept);
            RecordingBcFactory.Call call = fixture.bc.calls.get(round);
            assertThat(call.batch().trajectories()).isEqualTo(expected);
            assertThat(call.batch().seed()).isEqualTo(fixture.context.seed("iter-" + round + "/train"));
            assertThat(fixture.metrics("rft-explore").get(round - 1).get("kept")).isEqualTo(kept.size());
        }
        // sampling at temperature 1 after one BC epoch finds new successful paths
        assertThat(fixture.context.trajectories().get("iter-1-kept")).isNotEmpty();
    }

    @Test
    void withoutDemonstrationsTrainsOnKeptSamplesOnlyAndTheScheduleChangesTheOptimiser() throws Exception {
        Fixture fixture = new Fixture(17, directory);
        Map<String, Object> recipe = with(recipe(2), "includeDemonstrations", false);
        fixture.run(with(recipe, "schedule", Map.of("epochs", List.of(2, 3))));

        assertThat(fixture.bc.calls).extracting(c -> c.config().epochs()).containsExactly(1, 2, 3);
        assertThat(fixture.bc.calls.get(1).batch().trajectories())
                .isEqualTo(fixture.context.trajectories().get("iter-1-kept"));
    }
}
