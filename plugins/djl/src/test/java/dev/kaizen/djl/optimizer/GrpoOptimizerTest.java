package dev.kaizen.djl.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.testing.FakeComponentContext;
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

/** The group-relative update: the direction the advantages' sign asks for, determinism, its settings. */
class GrpoOptimizerTest {

    private static final Action PLUS = Action.of("click", "+1");
    private static final Action MINUS = Action.of("click", "-1");

    @TempDir
    Path dir;

    private static Map<String, Object> settings(boolean lengthNormalization) {
        return Map.of("type", "grpo", "learningRate", 0.01, "epochs", 4, "batchSize", 16,
                "lengthNormalization", lengthNormalization);
    }

    /** One gradient step over the whole batch, from the start: the move follows the weights alone. */
    private static Map<String, Object> oneStep(boolean lengthNormalization) {
        return Map.of("type", "grpo", "learningRate", 0.01, "epochs", 1, "batchSize", 65536,
                "lengthNormalization", lengthNormalization, "klCoefficient", 0);
    }

    /** At every training task's start, +1 taken with advantage {@code plus} and -1 with {@code -plus}. */
    private static List<Trajectory> advantaged(List<Trajectory> demos, double plus) {
        List<Trajectory> out = new ArrayList<>();
        for (Trajectory demo : demos) {
            AgentContext start = demo.contextAt(0);
            out.add(Trajectory.of(demo.task(), List.of(new Step(start.observation(), PLUS, plus)), 1.0,
                    TrajectorySource.AGENT));
            out.add(Trajectory.of(demo.task(), List.of(new Step(start.observation(), MINUS, -plus)), 0.0,
                    TrajectorySource.AGENT));
        }
        return out;
    }

    private double gapAfter(double plus, boolean lengthNormalization, long policySeed) {
        FakeComponentContext context = Fixtures.context(5, dir);
        try (Environment environment = Fixtures.counter(context); DjlScorerPolicy policy = Fixtures.smallPolicy(policySeed);
             Optimizer grpo = context.create(context.config(OptimizerConfig.class, settings(lengthNormalization)))) {
            List<Trajectory> demos = Fixtures.demonstrations(environment, Split.TRAIN);
            List<AgentContext> contexts = demos.stream().map(d -> d.contextAt(0)).toList();
            double before = gap(policy, contexts);
            TrainingReport report = grpo.train(policy, TrainingBatch.ofTrajectories(advantaged(demos, plus), 4, "grpo"));
            assertThat(report.epochs()).hasSize(4);
            assertThat(report.metrics()).containsKeys("policyLoss", "kl", "entropy", "clipFraction", "sequences",
                    "meanAbsAdvantage").doesNotContainKey("valueLoss");
            assertThat(report.metrics().get("meanAbsAdvantage")).isEqualTo(Math.abs(plus));
            return gap(policy, contexts) - before;
        }
    }

    @Test
    void thePolicyMovesTowardsPositiveAdvantagesAndAwayFromNegativeOnes() {
        double towards = gapAfter(1.0, true, 3);
        assertThat(towards).isGreaterThan(0.5);
        assertThat(gapAfter(-1.0, true, 3)).isLessThan(-0.5);
        // zero advantages leave only the KL to the start, whose gradient vanishes there (up to rounding,
        // which AdamW's normalisation magnifies a little)
        assertThat(Math.abs(gapAfter(0.0, true, 3))).isLessThan(0.2 * towards);
    }

    @Test
    void theSameBatchGivesTheSamePolicyToTheLastBit() {
        assertThat(gapAfter(1.0, false, 7)).isEqualTo(gapAfter(1.0, false, 7));
    }

    @Test
    void lengthNormalizationWeighsALongTrajectorysStepsLess() {
        FakeComponentContext context = Fixtures.context(5, dir);
        try (Environment environment = Fixtures.counter(context)) {
            List<Trajectory> demos = Fixtures.demonstrations(environment, Split.TRAIN);
            List<AgentContext> contexts = demos.stream().map(d -> d.contextAt(0)).toList();
            // one trajectory repeats +1 at the start three times (advantage 1), one takes -1 once (advantage 1):
            // weighted per trajectory both count the same; weighted per step +1 counts three times
            double[] moved = new double[2];
            for (int k = 0; k < 2; k++) {
                try (DjlScorerPolicy policy = Fixtures.smallPolicy(11);
                     Optimizer grpo = context.create(context.config(OptimizerConfig.class, oneStep(k == 0)))) {
                    List<Trajectory> batch = new ArrayList<>();
                    for (Trajectory demo : demos) {
                        AgentContext start = demo.contextAt(0);
                        Step plus = new Step(start.observation(), PLUS, 1.0);
                        batch.add(Trajectory.of(demo.task(), List.of(plus, plus, plus), 1.0, TrajectorySource.AGENT));
                        batch.add(Trajectory.of(demo.task(), List.of(new Step(start.observation(), MINUS, 1.0)), 1.0,
                                TrajectorySource.AGENT));
                    }
                    double before = gap(policy, contexts);
                    grpo.train(policy, TrainingBatch.ofTrajectories(batch, 4, "grpo"));
                    moved[k] = gap(policy, contexts) - before;
                }
            }
            assertThat(moved[0]).as("per trajectory, +1 and -1 weigh the same").isCloseTo(0.0, within(0.02));
            assertThat(moved[1]).as("per step, +1's three steps outweigh -1's one").isGreaterThan(moved[0] + 0.01);
        }
    }

    @Test
    void badSettingsNameTheFieldAndTheDefaultsAreGrpos() {
        FakeComponentContext context = Fixtures.context(5, dir);
        assertThatThrownBy(() -> context.config(OptimizerConfig.class, Map.of("type", "grpo", "clip", 1.5)))
                .hasMessageContaining("clip must be between 0.0 and 0.999, got 1.5");
        assertThatThrownBy(() -> context.config(OptimizerConfig.class, Map.of("type", "grpo", "klCoefficient", -1)))
                .hasMessageContaining("klCoefficient must be a finite number >= 0");
        assertThatThrownBy(() -> context.config(OptimizerConfig.class, Map.of("type", "grpo", "valueCoefficient", 1)))
                .hasMessageContaining("valueCoefficient");
        GrpoConfig defaults = (GrpoConfig) context.config(OptimizerConfig.class, Map.of("type", "grpo"));
        assertThat(defaults).isEqualTo(new GrpoConfig());
        assertThat(defaults.lengthNormalization()).isTrue();
        assertThat(defaults.klCoefficient()).isEqualTo(0.05);
    }

    private static double gap(DjlScorerPolicy policy, List<AgentContext> contexts) {
        double[] plus = policy.logProbabilities(contexts, contexts.stream().map(c -> PLUS).toList());
        double[] minus = policy.logProbabilities(contexts, contexts.stream().map(c -> MINUS).toList());
        double total = 0;
        for (int i = 0; i < plus.length; i++) {
            total += plus[i] - minus[i];
        }
        return total / plus.length;
    }
}
