package dev.kaizen.djl.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.testing.TabularPolicy;
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

class OptimizersTest {

    private static final Action PLUS = Action.of("click", "+1");
    private static final Action MINUS = Action.of("click", "-1");

    @TempDir
    Path dir;

    private Optimizer optimizer(FakeComponentContext context, Map<String, Object> fields) {
        return context.create(context.config(OptimizerConfig.class, fields));
    }

    /** Step pairs at the start of every training task: +1 over -1. */
    private static List<PreferencePair> stepPairs(List<Trajectory> demos) {
        List<PreferencePair> pairs = new ArrayList<>();
        for (Trajectory demo : demos) {
            AgentContext start = demo.contextAt(0);
            pairs.add(PreferencePair.ofSteps(start, new Step(start.observation(), PLUS, 0),
                    new Step(start.observation(), MINUS, 0), 1.0));
        }
        return pairs;
    }

    @Test
    void stepLevelDpoRaisesTheChosenOverTheRejected() {
        FakeComponentContext context = Fixtures.context(5, dir);
        try (Environment environment = Fixtures.counter(context); DjlScorerPolicy policy = Fixtures.smallPolicy(1);
             Optimizer dpo = optimizer(context, Map.of("type", "dpo", "beta", 0.5, "learningRate", 0.01, "epochs", 12))) {
            List<PreferencePair> pairs = stepPairs(Fixtures.demonstrations(environment, Split.TRAIN));
            List<AgentContext> contexts = pairs.stream().map(PreferencePair::context).toList();
            double before = gap(policy, contexts);
            TrainingReport report = dpo.train(policy, TrainingBatch.ofPairs(pairs, 2, "dpo"));
            assertThat(gap(policy, contexts)).isGreaterThan(before + 0.5);
            assertThat(report.epochs()).hasSize(12);
            // the first epoch starts at the reference: loss ≈ log 2 on its first step, then falls
            assertThat(report.epochs().get(11).get("loss")).isLessThan(report.epochs().get(0).get("loss"));
            assertThat(report.metrics().get("accuracy")).isEqualTo(1.0);
            assertThat(context.recordedMetrics()).filteredOn(m -> m.event().equals("dpo-epoch")).hasSize(12);
        }
    }

    @Test
    void trajectoryLevelDpoSumsOverTheContinuationAndTheNllTermHoldsTheChosenUp() {
        FakeComponentContext context = Fixtures.context(5, dir);
        try (Environment environment = Fixtures.counter(context)) {
            List<Trajectory> demos = Fixtures.demonstrations(environment, Split.TRAIN);
            List<Trajectory> rejected = new ArrayList<>();
            List<PreferencePair> pairs = new ArrayList<>();
            for (Trajectory demo : demos) {
                // the rejected trajectory submits at once (the wrong value) instead of counting up
                Step submit = new Step(demo.steps().get(0).observation(), Action.of("click", "submit"), 0);
                Trajectory bad = Trajectory.of(demo.task(), List.of(submit), 0, TrajectorySource.AGENT);
                rejected.add(bad);
                pairs.add(PreferencePair.ofTrajectories(demo, bad, 1.0));
            }
            double[] chosenMean = new double[2];
            double[] weights = {0.0, 1.0};
            for (int w = 0; w < 2; w++) {
                try (DjlScorerPolicy policy = Fixtures.smallPolicy(2);
                     Optimizer dpo = optimizer(context, Map.of("type", "dpo", "beta", 0.5, "nllWeight", weights[w],
                             "learningRate", 0.01, "epochs", 4))) {
                    double[] chosenBefore = sequenceLog(policy, demos);
                    double[] rejectedBefore = sequenceLog(policy, rejected);
                    dpo.train(policy, TrainingBatch.ofPairs(pairs, 3, "eto/dpo"));
                    double[] chosenAfter = sequenceLog(policy, demos);
                    double[] rejectedAfter = sequenceLog(policy, rejected);
                    for (int i = 0; i < demos.size(); i++) {
                        assertThat((chosenAfter[i] - rejectedAfter[i]) - (chosenBefore[i] - rejectedBefore[i]))
                                .as("margin of pair %d with nllWeight %s", i, weights[w]).isPositive();
                        chosenMean[w] += (chosenAfter[i] - chosenBefore[i]) / demos.size();
                    }
                }
            }
            assertThat(chosenMean[1]).as("the NLL term raises the chosen trajectories' likelihood more")
                    .isGreaterThan(chosenMean[0]);
        }
    }

    @Test
    void ppoMakesRewardedActionsMoreLikely() {
        FakeComponentContext context = Fixtures.context(5, dir);
        try (Environment environment = Fixtures.counter(context); DjlScorerPolicy policy = Fixtures.smallPolicy(3);
             Optimizer ppo = optimizer(context, Map.of("type", "ppo", "learningRate", 0.01, "epochs", 6,
                     "batchSize", 16, "klCoefficient", 0.01))) {
            List<Trajectory> demos = Fixtures.demonstrations(environment, Split.TRAIN);
            List<Trajectory> labelled = new ArrayList<>();
            for (Trajectory demo : demos) {
                AgentContext start = demo.contextAt(0);
                Step good = new Step(start.observation(), PLUS, 1.0);
                Step bad = new Step(start.observation(), MINUS, -1.0);
                labelled.add(Trajectory.of(demo.task(), List.of(good), 1.0, TrajectorySource.AGENT));
                labelled.add(Trajectory.of(demo.task(), List.of(bad), 0.0, TrajectorySource.AGENT));
            }
            List<AgentContext> contexts = demos.stream().map(d -> d.contextAt(0)).toList();
            double before = gap(policy, contexts);
            TrainingReport report = ppo.train(policy, TrainingBatch.ofTrajectories(labelled, 4, "ppo"));
            assertThat(gap(policy, contexts)).isGreaterThan(before + 0.5);
            assertThat(report.metrics()).containsKeys("policyLoss", "valueLoss", "entropy", "kl", "clipFraction");
            assertThat(report.metrics().get("kl")).isPositive();
            assertThat(context.recordedMetrics()).filteredOn(m -> m.event().equals("ppo-epoch")).hasSize(6);
        }
    }

    @Test
    void emptyBatchesTrainNothing() {
        FakeComponentContext context = Fixtures.context(5, dir);
        try (DjlScorerPolicy policy = Fixtures.smallPolicy(4)) {
            for (String type : List.of("bc", "dpo", "ppo", "grpo")) {
                try (Optimizer optimizer = optimizer(context, Map.of("type", type))) {
                    assertThat(optimizer.train(policy, new TrainingBatch(List.of(), List.of(), 1, "x")))
                            .isEqualTo(TrainingReport.empty());
                }
            }
        }
    }

    @Test
    void aPolicyItCannotTrainIsNamedWithWhatItCanTrain() {
        FakeComponentContext context = Fixtures.context(5, dir);
        for (String type : List.of("bc", "dpo", "ppo", "grpo")) {
            try (Optimizer optimizer = optimizer(context, Map.of("type", type))) {
                assertThatThrownBy(() -> optimizer.train(new TabularPolicy(0), TrainingBatch.ofTrajectories(List.of(),
                        1, "x"))).isInstanceOf(IncompatiblePartsException.class)
                        .hasMessageContaining("optimizer '" + type + "'")
                        .hasMessageContaining("djl-scorer").hasMessageContaining("TabularPolicy");
            }
        }
    }

    @Test
    void badConfigsNameTheFieldAndWhatIsAllowed() {
        FakeComponentContext context = Fixtures.context(5, dir);
        assertThatThrownBy(() -> context.config(OptimizerConfig.class, Map.of("type", "bc", "learningRate", -1)))
                .hasMessageContaining("learningRate must be a finite number > 0, got -1.0");
        assertThatThrownBy(() -> context.config(OptimizerConfig.class, Map.of("type", "bc", "epochs", 0)))
                .hasMessageContaining("epochs must be between 1 and 10000, got 0");
        assertThatThrownBy(() -> context.config(OptimizerConfig.class, Map.of("type", "dpo", "beta", 0)))
                .hasMessageContaining("beta must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> context.config(OptimizerConfig.class, Map.of("type", "dpo", "nllWeight", -0.5)))
                .hasMessageContaining("nllWeight must be a finite number >= 0");
        assertThatThrownBy(() -> context.config(OptimizerConfig.class, Map.of("type", "ppo", "clip", 1.5)))
                .hasMessageContaining("clip must be between 0.0 and 0.999, got 1.5");
        assertThatThrownBy(() -> context.config(OptimizerConfig.class, Map.of("type", "ppo", "gamma", 2)))
                .hasMessageContaining("gamma must be between 0.0 and 1.0, got 2.0");
        assertThatThrownBy(() -> context.config(OptimizerConfig.class, Map.of("type", "ppo", "lamda", 0.9)))
                .hasMessageContaining("lamda");
        assertThat(context.config(OptimizerConfig.class, Map.of("type", "ppo"))).isEqualTo(new PpoConfig());
        assertThat(new DpoConfig().beta()).isEqualTo(0.1);
        assertThat(new BcConfig().epochs()).isEqualTo(8);
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

    private static double[] sequenceLog(DjlScorerPolicy policy, List<Trajectory> demos) {
        double[] out = new double[demos.size()];
        for (int i = 0; i < demos.size(); i++) {
            Trajectory demo = demos.get(i);
            List<AgentContext> contexts = new ArrayList<>();
            List<Action> actions = new ArrayList<>();
            for (int t = 0; t < demo.length(); t++) {
                contexts.add(demo.contextAt(t));
                actions.add(demo.steps().get(t).action());
            }
            for (double lp : policy.logProbabilities(contexts, actions)) {
                out[i] += lp;
            }
        }
        return out;
    }
}
