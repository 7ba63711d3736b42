package dev.kaizen.stepagent.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kaizen.api.env.Split;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.policy.TrainablePolicy;
import dev.kaizen.api.reward.RewardFitData;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.FakeMethodContext;
import dev.kaizen.api.testing.TabularPolicy;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.stepagent.fakes.FakeDiscriminator;
import dev.kaizen.stepagent.fakes.FakeDiscriminatorConfig;
import dev.kaizen.stepagent.fakes.FakeDiscriminatorFactory;
import dev.kaizen.stepagent.fakes.FakeDpoConfig;
import dev.kaizen.stepagent.fakes.FakeDpoFactory;
import dev.kaizen.stepagent.fakes.FakeImplicitConfig;
import dev.kaizen.stepagent.fakes.FakeImplicitFactory;
import dev.kaizen.stepagent.fakes.FakePpoConfig;
import dev.kaizen.stepagent.fakes.FakePpoFactory;
import dev.kaizen.stepagent.fakes.Recorder;
import dev.kaizen.stepagent.inspection.Agreement;
import dev.kaizen.stepagent.inspection.Inspector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InverseReflectionTest {

    @TempDir
    Path runDirectory;

    private final CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());
    private final List<Trajectory> demonstrations = environment.tasks(Split.TRAIN).subList(0, 5).stream()
            .map(task -> environment.demonstration(task).orElseThrow()).toList();

    @Test
    void theRewardsPpoSeesAreTheRewardModelsStepRewardsOnThePolicysRollouts() {
        Recorder recorder = new Recorder();
        TabularPolicy policy = new TabularPolicy(0.0);
        FakeMethodContext context = new FakeMethodContext(11, runDirectory, environment, policy);
        context.register(new FakeDiscriminatorFactory(recorder), new FakePpoFactory(recorder));
        List<PreferencePair> pairs = new Inspector(64, Agreement.EXACT)
                .inspect(policy, demonstrations, Sampling.greedy()).pairs();

        Map<String, Object> figures = new InverseReflection(context, new FakeDiscriminatorConfig(0.25),
                new FakePpoConfig(0.5), null, 5, 2, 1.0).reflect("iter-1", policy, pairs, demonstrations);

        // the discriminator was fitted on the inspection pairs, with the policy and a frozen reference
        assertThat(recorder.fits).hasSize(1);
        RewardFitData fit = recorder.fits.get(0);
        assertThat(fit.pairs()).isEqualTo(pairs);
        assertThat(fit.policy()).isSameAs(policy);
        assertThat(fit.reference()).isNotNull().isNotSameAs(policy);
        assertThat(fit.seed()).isEqualTo(context.seed("iter-1/reward"));

        // PPO got the 5 tasks x 2 samples rollouts, and nothing else
        List<Trajectory> explored = context.trajectories().get("iter-1-explore");
        assertThat(explored).hasSize(10);
        assertThat(recorder.trainings).hasSize(1);
        var batch = recorder.trainings.get(0).batch();
        assertThat(recorder.trainings.get(0).config()).isEqualTo(new FakePpoConfig(0.5));
        assertThat(batch.pairs()).isEmpty();
        assertThat(batch.seed()).isEqualTo(context.seed("iter-1/optimize"));
        assertThat(batch.trajectories()).hasSize(10);

        // every step reward PPO sees is what the fitted model says about that step, never the environment's
        Map<String, Double> table = FakeDiscriminator.tableOf(pairs);
        int differing = 0;
        for (int i = 0; i < 10; i++) {
            Trajectory seen = batch.trajectories().get(i);
            Trajectory raw = explored.get(i);
            assertThat(seen.steps()).extracting(Step::action).isEqualTo(raw.steps().stream().map(Step::action).toList());
            assertThat(seen.reward()).isEqualTo(raw.reward()); // the episode's outcome is kept for reporting
            for (int t = 0; t < seen.length(); t++) {
                assertThat(seen.steps().get(t).reward())
                        .isEqualTo(FakeDiscriminator.rewardOf(table, 0.25, raw.steps().get(t)));
                if (seen.steps().get(t).reward() != raw.steps().get(t).reward()) {
                    differing++;
                }
            }
        }
        assertThat(differing).isGreaterThan(0);
        assertThat(context.trajectories().get("iter-1-relabelled")).isEqualTo(batch.trajectories());

        // the two samples of a task come from different seeds
        assertThat(explored.subList(0, 5)).isNotEqualTo(explored.subList(5, 10));
        assertThat(figures).containsEntry("rollouts", 10).containsEntry("trained", 1)
                .containsEntry("reward.accuracy", 1.0).containsEntry("optimizer.loss", 0.5)
                .containsKeys("rolloutSuccessRate", "agentStepReward");
        // the expert's own steps: its last actions were chosen in pairs (+1), the rest unknown (0.25)
        double expected = (5 * 1.0 + 15 * 0.25) / 20;
        assertThat((double) figures.get("expertStepReward")).isEqualTo(expected);
    }

    @Test
    void withAPreferenceStepTheImplicitRewardMeasuresThePolicysChangeFromItsReference() {
        Recorder recorder = new Recorder();
        TabularPolicy policy = new TabularPolicy(0.0);
        FakeMethodContext context = new FakeMethodContext(11, runDirectory, environment, policy);
        context.register(new FakeImplicitFactory(), new FakeDpoFactory(recorder), new FakePpoFactory(recorder));
        List<PreferencePair> pairs = new Inspector(64, Agreement.EXACT)
                .inspect(policy, demonstrations, Sampling.greedy()).pairs();

        Map<String, Object> figures = new InverseReflection(context, new FakeImplicitConfig(0.5),
                new FakePpoConfig(1.0), new FakeDpoConfig(0.1, 2.0), 5, 1, 1.0)
                .reflect("iter-1", policy, pairs, demonstrations);

        // first the preference step on the pairs, then PPO; the reference is the policy before the preference step
        assertThat(recorder.trainings).hasSize(2);
        assertThat(recorder.trainings.get(0).batch().pairs()).isEqualTo(pairs);
        assertThat(recorder.trainings.get(0).batch().seed()).isEqualTo(context.seed("iter-1/preference"));
        TrainablePolicy before = recorder.trainings.get(0).start();
        TrainablePolicy after = recorder.trainings.get(1).start();
        List<Trajectory> seen = recorder.trainings.get(1).batch().trajectories();
        int nonZero = 0;
        for (Trajectory trajectory : seen) {
            for (int t = 0; t < trajectory.length(); t++) {
                var contexts = List.of(trajectory.contextAt(t));
                var actions = List.of(trajectory.steps().get(t).action());
                double expected = 0.5 * (after.logProbabilities(contexts, actions)[0]
                        - before.logProbabilities(contexts, actions)[0]);
                assertThat(trajectory.steps().get(t).reward()).isCloseTo(expected, within(1e-12));
                if (expected != 0) {
                    nonZero++;
                }
            }
        }
        assertThat(nonZero).isPositive();
        assertThat(figures).containsEntry("preference.loss", 0.5);
    }

    @Test
    void anImplicitRewardWithoutAPreferenceStepIsRejectedWithWhatToSet() {
        Recorder recorder = new Recorder();
        TabularPolicy policy = new TabularPolicy(0.0);
        FakeMethodContext context = new FakeMethodContext(11, runDirectory, environment, policy);
        context.register(new FakeImplicitFactory(), new FakePpoFactory(recorder));
        List<PreferencePair> pairs = new Inspector(64, Agreement.EXACT)
                .inspect(policy, demonstrations, Sampling.greedy()).pairs();
        InverseReflection reflection = new InverseReflection(context, new FakeImplicitConfig(0.5),
                new FakePpoConfig(1.0), null, 5, 1, 1.0);

        assertThatThrownBy(() -> reflection.reflect("iter-1", policy, pairs, demonstrations))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reward 0")
                .hasMessageContaining("set method.preference (e.g. {type: dpo})");
        assertThat(recorder.trainings).isEmpty();
        assertThat(context.trajectories()).containsKey("iter-1-explore"); // what was produced is kept
    }
}
