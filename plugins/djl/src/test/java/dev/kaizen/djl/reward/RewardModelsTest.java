package dev.kaizen.djl.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.reward.RewardFitData;
import dev.kaizen.api.reward.RewardModel;
import dev.kaizen.api.reward.RewardModelConfig;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import dev.kaizen.djl.Fixtures;
import dev.kaizen.djl.policy.DjlScorerPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RewardModelsTest {

    private static final Action PLUS = Action.of("click", "+1");
    private static final Action MINUS = Action.of("click", "-1");

    @TempDir
    Path dir;

    /** Expert steps (+1 while below the target, then submit) against agent steps (-1) in the same contexts. */
    private static List<PreferencePair> expertVersusAgent(List<Trajectory> demos) {
        List<PreferencePair> pairs = new ArrayList<>();
        for (Trajectory demo : demos) {
            for (int t = 0; t < demo.length(); t++) {
                AgentContext context = demo.contextAt(t);
                pairs.add(PreferencePair.ofSteps(context, demo.steps().get(t),
                        new Step(context.observation(), MINUS, 0), 1.0));
            }
        }
        return pairs;
    }

    private static Trajectory single(Trajectory demo, Action action) {
        return Trajectory.of(demo.task(), List.of(new Step(demo.steps().get(0).observation(), action, 0)), 0,
                TrajectorySource.AGENT);
    }

    @Test
    void theDiscriminatorLearnsToTellExpertFromAgentSteps() {
        FakeComponentContext context = Fixtures.context(9, dir);
        try (Environment environment = Fixtures.counter(context);
             RewardModel discriminator = context.create(context.config(RewardModelConfig.class,
                     Map.of("type", "discriminator", "epochs", 20, "learningRate", 0.01)))) {
            assertThat(discriminator.learns()).isTrue();
            List<Trajectory> demos = Fixtures.demonstrations(environment, Split.TRAIN);
            Map<String, Double> metrics = discriminator.fit(new RewardFitData(expertVersusAgent(demos), null, null, 4));
            assertThat(metrics.get("accuracy")).isGreaterThan(0.95);
            assertThat(context.recordedMetrics()).filteredOn(m -> m.event().equals("discriminator-epoch")).hasSize(20);
            // held-out tasks: expert-like steps get D > 0.9, agent-like ones D < 0.1
            List<Trajectory> seen = Fixtures.demonstrations(environment, Split.SEEN);
            List<Trajectory> expertLike = seen.stream().map(d -> single(d, PLUS)).toList();
            List<Trajectory> agentLike = seen.stream().map(d -> single(d, MINUS)).toList();
            DiscriminatorRewardModel model = (DiscriminatorRewardModel) discriminator;
            assertThat(model.probabilities(expertLike)).allSatisfy(p -> assertThat(p[0]).isGreaterThan(0.9));
            assertThat(model.probabilities(agentLike)).allSatisfy(p -> assertThat(p[0]).isLessThan(0.1));
            List<double[]> good = discriminator.stepRewards(expertLike);
            List<double[]> bad = discriminator.stepRewards(agentLike);
            for (int i = 0; i < good.size(); i++) {
                assertThat(good.get(i)[0]).isLessThanOrEqualTo(0).isGreaterThan(bad.get(i)[0]);
            }
            // rewards have one value per step of whole trajectories
            List<double[]> whole = discriminator.stepRewards(seen);
            for (int i = 0; i < seen.size(); i++) {
                assertThat(whole.get(i)).hasSize(seen.get(i).length());
            }
        }
    }

    @Test
    void rewardFormsTransformTheLogit() {
        assertThat(RewardForm.LOG_D.apply(0)).isCloseTo(Math.log(0.5), within(1e-12));
        assertThat(RewardForm.NEG_LOG_ONE_MINUS_D.apply(0)).isCloseTo(Math.log(2), within(1e-12));
        assertThat(RewardForm.D.apply(0)).isEqualTo(0.5);
        assertThat(RewardForm.LOG_D.apply(-800)).isCloseTo(-800, within(1e-9));
        assertThat(RewardForm.NEG_LOG_ONE_MINUS_D.apply(800)).isCloseTo(800, within(1e-9));
        assertThat(RewardForm.of("neg-log-one-minus-d")).isEqualTo(RewardForm.NEG_LOG_ONE_MINUS_D);
        // AIRL's log D − log(1 − D) is the logit: 0 where D = 1/2, and equal to the difference of the two logs
        for (double s : new double[] {-3.0, 0.0, 0.7, 5.0}) {
            assertThat(RewardForm.LOGIT.apply(s)).isCloseTo(RewardForm.LOG_D.apply(s)
                    - (-RewardForm.NEG_LOG_ONE_MINUS_D.apply(s)), within(1e-12));
        }
        assertThat(RewardForm.LOGIT.apply(0)).isZero();
        assertThat(RewardForm.of("logit")).isEqualTo(RewardForm.LOGIT);
    }

    @Test
    void discriminatorConfigsAreChecked() {
        FakeComponentContext context = Fixtures.context(9, dir);
        assertThatThrownBy(() -> context.config(RewardModelConfig.class, Map.of("type", "discriminator", "form", "log")))
                .hasMessageContaining("unknown reward form 'log'").hasMessageContaining("[log-d, neg-log-one-minus-d, d, logit]");
        assertThatThrownBy(() -> context.config(RewardModelConfig.class, Map.of("type", "discriminator", "epochs", -1)))
                .hasMessageContaining("epochs must be between 1 and 10000, got -1");
        assertThatThrownBy(() -> context.config(RewardModelConfig.class, Map.of("type", "implicit", "beta", -1)))
                .hasMessageContaining("beta must be a finite number > 0, got -1.0");
        assertThat(context.config(RewardModelConfig.class, Map.of("type", "discriminator", "form", "d")))
                .isEqualTo(new DiscriminatorConfig(RewardForm.D, null, null, null, null, null, null, null));
    }

    @Test
    void theImplicitRewardIsTheScaledLogRatio() {
        FakeComponentContext context = Fixtures.context(9, dir);
        try (Environment environment = Fixtures.counter(context);
             DjlScorerPolicy policy = Fixtures.smallPolicy(1); DjlScorerPolicy reference = Fixtures.smallPolicy(2);
             RewardModel implicit = context.create(context.config(RewardModelConfig.class,
                     Map.of("type", "implicit", "beta", 0.5)))) {
            List<Trajectory> demos = Fixtures.demonstrations(environment, Split.TRAIN).subList(0, 3);
            assertThatThrownBy(() -> implicit.stepRewards(demos)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("call fit");
            assertThatThrownBy(() -> implicit.fit(new RewardFitData(List.of(), policy, null, 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RewardFitData.reference");
            implicit.fit(new RewardFitData(List.of(), policy, reference, 1));
            List<double[]> rewards = implicit.stepRewards(demos);
            for (int i = 0; i < demos.size(); i++) {
                Trajectory demo = demos.get(i);
                assertThat(rewards.get(i)).hasSize(demo.length());
                for (int t = 0; t < demo.length(); t++) {
                    List<AgentContext> c = List.of(demo.contextAt(t));
                    List<Action> a = List.of(demo.steps().get(t).action());
                    double expected = 0.5 * (policy.logProbabilities(c, a)[0] - reference.logProbabilities(c, a)[0]);
                    assertThat(rewards.get(i)[t]).isCloseTo(expected, within(1e-5));
                }
            }
            // the same policy as its own reference gives zero reward
            implicit.fit(new RewardFitData(List.of(), policy, policy, 1));
            assertThat(implicit.stepRewards(demos)).allSatisfy(r -> assertThat(r).containsOnly(0.0));
        }
    }
}
