package dev.kaizen.stepagent.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.api.env.Split;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.testing.TabularPolicy;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.stepagent.fakes.FakeDpoConfig;
import dev.kaizen.stepagent.fakes.FakeDpoFactory;
import dev.kaizen.stepagent.fakes.Recorder;
import dev.kaizen.stepagent.inspection.Agreement;
import dev.kaizen.stepagent.inspection.Inspector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImplicitReflectionTest {

    @TempDir
    Path runDirectory;

    private final CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());
    private final List<Trajectory> demonstrations = environment.tasks(Split.TRAIN).subList(0, 5).stream()
            .map(task -> environment.demonstration(task).orElseThrow()).toList();

    @Test
    void trainsTheOptimizerOnTheInspectionPairsWithASeedFromTheStage() {
        Recorder recorder = new Recorder();
        FakeComponentContext context = new FakeComponentContext(7, runDirectory).register(new FakeDpoFactory(recorder));
        TabularPolicy policy = new TabularPolicy(0.0);
        List<PreferencePair> pairs = new Inspector(64, Agreement.EXACT)
                .inspect(policy, demonstrations, Sampling.greedy()).pairs();

        Map<String, Object> figures = new ImplicitReflection(context, new FakeDpoConfig(0.3, 1.0))
                .reflect("iter-2", policy, pairs, demonstrations);

        assertThat(recorder.trainings).hasSize(1);
        var batch = recorder.trainings.get(0).batch();
        assertThat(batch.pairs()).isEqualTo(pairs);
        assertThat(batch.trajectories()).isEmpty();
        assertThat(batch.seed()).isEqualTo(context.seed("iter-2/optimize"));
        assertThat(recorder.trainings.get(0).config()).isEqualTo(new FakeDpoConfig(0.3, 1.0));
        assertThat(figures).containsEntry("pairs", 5).containsEntry("trained", 1).containsEntry("optimizer.loss", 0.5);
        // the update reached the policy: the expert's submit now wins where the agent clicked on
        var last = pairs.get(0);
        assertThat(policy.decide(List.of(last.context()), Sampling.greedy()).get(0).action())
                .isEqualTo(last.chosen().get(0).action());
    }

    @Test
    void withoutPairsNothingIsTrained() {
        Recorder recorder = new Recorder();
        FakeComponentContext context = new FakeComponentContext(7, runDirectory).register(new FakeDpoFactory(recorder));

        Map<String, Object> figures = new ImplicitReflection(context, new FakeDpoConfig(null, null))
                .reflect("iter-1", new TabularPolicy(0.0), List.of(), demonstrations);

        assertThat(recorder.trainings).isEmpty();
        assertThat(recorder.built).isEmpty();
        assertThat(figures).containsEntry("pairs", 0).containsEntry("trained", 0);
    }
}
