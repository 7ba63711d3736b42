package dev.kaizen.rememberer.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.method.EvaluationResult;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.method.TrainingMethodConfig;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.testing.FakeMethodContext;
import dev.kaizen.api.testing.TabularBcConfig;
import dev.kaizen.api.testing.TabularBcOptimizer;
import dev.kaizen.api.testing.TabularBcOptimizerFactory;
import dev.kaizen.api.testing.TabularPolicy;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.rememberer.AdviceBiasedPolicy;
import dev.kaizen.rememberer.memory.LuceneMemoryFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemembererMethodTest {

    @TempDir
    Path dir;

    private final CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());

    /** Ten epochs of exploration with one-step Q-learning (α = 1, γ = 0.9), advice from the best record. */
    private static final Map<String, Object> LEARNING = Map.of("demonstrations", 0, "epochs", 10, "trainTasks", 20,
            "batchSize", 5, "temperature", 1.0, "adviceRecords", 1,
            "memory", Map.of("type", "lucene", "capacity", 5000, "alpha", "1", "nStep", 1, "gamma", 0.9));

    private FakeMethodContext context(dev.kaizen.api.policy.Policy policy) {
        FakeMethodContext context = new FakeMethodContext(11, dir, environment, policy);
        context.register(new RemembererFactory(), new LuceneMemoryFactory(), new TabularBcOptimizerFactory());
        return context;
    }

    private static TrainingMethod method(FakeComponentContext context, Map<String, Object> fields) {
        Map<String, Object> all = new HashMap<>(fields);
        all.put("type", "rememberer");
        return context.create(context.config(TrainingMethodConfig.class, all));
    }

    private static double success(FakeMethodContext context, String stage, Split split) {
        return context.evaluations().stream().filter(e -> e.stage().equals(stage) && e.split() == split
                        && e.search().equals("greedy"))
                .mapToDouble(EvaluationResult::successRate).findFirst().orElseThrow();
    }

    @Test
    void memoryLearnedFromExplorationLiftsAnUntrainedPolicyOnSeenTasks() throws Exception {
        // An untrained policy clicks +1 until it runs out of steps. Exploring at temperature 1, the
        // memory learns (one-step Q-learning) which actions pay off for each instruction and value;
        // seen tasks share the training tasks' instructions, so at evaluation the advice steers the
        // same frozen policy. Unseen targets (6..9) were never reached in training.
        AdviceBiasedPolicy policy = new AdviceBiasedPolicy(new TabularPolicy(0.0), 5.0);
        FakeMethodContext context = context(policy);
        Map<String, Object> withControl = new HashMap<>(LEARNING);
        withControl.put("zeroAdviceControl", true);
        method(context, withControl).run(context);

        assertThat(context.stages()).containsExactly("baseline", "iter-1", "iter-2", "iter-3", "iter-4", "iter-5",
                "iter-6", "iter-7", "iter-8", "iter-9", "final");
        assertThat(context.evaluations()).extracting(EvaluationResult::stage)
                .containsExactly("baseline", "baseline", "final", "final", "final", "final");
        assertThat(success(context, "baseline", Split.SEEN)).isZero();
        assertThat(success(context, "final", Split.SEEN)).isGreaterThanOrEqualTo(0.5);
        assertThat(success(context, "final", Split.UNSEEN)).isZero();
        // The control attaches the same records with zero values: the lift is the values' doing.
        EvaluationResult control = context.evaluations().stream()
                .filter(e -> e.search().equals("greedy-zero-advice") && e.split() == Split.SEEN).findFirst().orElseThrow();
        assertThat(control.stage()).isEqualTo("final");
        assertThat(control.successRate()).isZero();
        assertThat(policy.advisedContexts()).isPositive();
        assertThat(context.persisted()).containsKey("memory");
        assertThat(context.trajectories()).containsKeys("iter-1-explore", "iter-9-explore", "final-explore");
        assertThat(context.trajectories().get("iter-1-explore")).hasSize(20);
        assertThat(context.recordedMetrics()).extracting(FakeComponentContext.Metric::event)
                .contains("memory-update", "rememberer-batch", "rememberer-epoch", "advice-evaluation");
        var epoch = context.recordedMetrics().stream().filter(m -> m.event().equals("rememberer-epoch")).toList();
        assertThat(epoch).hasSize(10);
        assertThat(((Number) epoch.get(9).fields().get("records")).intValue()).isPositive();
    }

    @Test
    void theWarmUpIsBehaviourCloningAndTheWeightsStayFrozen() throws Exception {
        TabularPolicy policy = new TabularPolicy(0.0);
        FakeMethodContext context = context(policy);
        method(context, Map.of("demonstrations", 3, "optimizer", Map.of("type", "tabular-bc"), "epochs", 2,
                "trainTasks", 10, "temperature", 0.5)).run(context);

        assertThat(context.stages()).containsExactly("baseline", "iter-1", "final");
        assertThat(context.trajectories().get("demonstrations")).hasSize(3);
        // The same behaviour cloning, done by hand: the policy must be exactly this after all epochs.
        TabularPolicy reference = new TabularPolicy(0.0);
        List<Trajectory> demonstrations = environment.tasks(Split.TRAIN).subList(0, 3).stream()
                .map(t -> environment.demonstration(t).orElseThrow()).toList();
        new TabularBcOptimizer(new TabularBcConfig()).train(reference,
                TrainingBatch.ofTrajectories(demonstrations, context.seed("bc/train"), "bc"));
        List<AgentContext> contexts = new java.util.ArrayList<>();
        List<dev.kaizen.api.env.Action> actions = new java.util.ArrayList<>();
        for (Task task : environment.tasks(Split.SEEN)) {
            Trajectory demo = environment.demonstration(task).orElseThrow();
            for (int t = 0; t < demo.length(); t++) {
                for (var action : demo.steps().get(t).observation().actions()) {
                    contexts.add(demo.contextAt(t));
                    actions.add(action);
                }
            }
        }
        assertThat(policy.logProbabilities(contexts, actions))
                .containsExactly(reference.logProbabilities(contexts, actions));
    }

    @Test
    void everyEpochIsEvaluatedOnRequest() throws Exception {
        AdviceBiasedPolicy policy = new AdviceBiasedPolicy(new TabularPolicy(0.0), 2.0);
        FakeMethodContext context = context(policy).evaluationEpisodes(3);
        method(context, Map.of("demonstrations", 0, "epochs", 2, "trainTasks", 4, "evaluateEpochs", true))
                .run(context);
        assertThat(context.evaluations()).extracting(EvaluationResult::stage).containsExactly(
                "baseline", "baseline", "iter-1", "iter-1", "final", "final");
    }

    @Test
    void aMemoryPathCarriesWhatWasLearnedIntoTheNextRun() throws Exception {
        String path = dir.resolve("memory").toString();
        AdviceBiasedPolicy first = new AdviceBiasedPolicy(new TabularPolicy(0.0), 5.0);
        FakeMethodContext one = context(first);
        Map<String, Object> withPath = new HashMap<>(LEARNING);
        withPath.put("memory", Map.of("type", "lucene", "capacity", 5000, "alpha", "1", "nStep", 1, "gamma", 0.9,
                "path", path));
        method(one, withPath).run(one);
        double learned = success(one, "final", Split.SEEN);

        // The next run explores a single task greedily and still profits from the first run's memory.
        AdviceBiasedPolicy second = new AdviceBiasedPolicy(new TabularPolicy(0.0), 5.0);
        FakeMethodContext two = context(second);
        Map<String, Object> next = new HashMap<>(withPath);
        next.putAll(Map.of("epochs", 1, "trainTasks", 1, "temperature", 0.0));
        method(two, next).run(two);
        assertThat(success(two, "baseline", Split.SEEN)).isZero();
        assertThat(success(two, "final", Split.SEEN)).isGreaterThanOrEqualTo(learned - 0.1).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void badConfigsSayWhatIsWrong() {
        FakeMethodContext context = context(new AdviceBiasedPolicy(new TabularPolicy(0.0), 1.0));
        assertThatThrownBy(() -> method(context, Map.of("epochs", 0, "optimizer", Map.of("type", "tabular-bc"))))
                .hasMessageContaining("method.epochs must be >= 1, got 0");
        assertThatThrownBy(() -> method(context, Map.of("demonstrations", 5)))
                .hasMessageContaining("method.optimizer is required");
        assertThatThrownBy(() -> method(context, Map.of("demonstrations", 5, "checkpoint", "/x",
                "optimizer", Map.of("type", "tabular-bc"))))
                .hasMessageContaining("method.checkpoint and method.demonstrations are alternatives");
        assertThatThrownBy(() -> method(context, Map.of("demonstrations", 0, "temperature", -1.0)))
                .hasMessageContaining("method.temperature");
        assertThatThrownBy(() -> method(context, Map.of("demonstrations", 0, "adviceRecords", 0)))
                .hasMessageContaining("method.adviceRecords must be >= 1");
        assertThatThrownBy(() -> method(context, Map.of("demonstrations", 0, "minSimilarity", 2.0)))
                .hasMessageContaining("method.minSimilarity must be in [0, 1]");
        assertThatThrownBy(() -> method(context, Map.of("demonstrations", 0, "adviceValues", "rank")))
                .hasMessageContaining("method.adviceValues: unknown 'rank'; allowed: [q, advantage]");
        assertThatThrownBy(() -> method(context, Map.of("demonstrations", 0, "batchSize", 0)))
                .hasMessageContaining("method.batchSize");
        assertThatThrownBy(() -> method(context, Map.of("demonstrations", 0, "memory",
                Map.of("type", "lucene", "gamma", 2.0)))).hasMessageContaining("memory.gamma");
        assertThatThrownBy(() -> method(context, Map.of("demonstrations", 0, "epoch", 2)))
                .hasMessageContaining("epoch");
    }

    @Test
    void runtimeProblemsSayWhatToChange() throws Exception {
        FakeMethodContext context = context(new AdviceBiasedPolicy(new TabularPolicy(0.0), 1.0));
        assertThatThrownBy(() -> method(context, Map.of("demonstrations", 0, "taskOffset", 500)).run(context))
                .hasMessageContaining("method.taskOffset 500 leaves no training task: the environment has 20");
        FakeMethodContext other = context(new AdviceBiasedPolicy(new TabularPolicy(0.0), 1.0));
        assertThatThrownBy(() -> method(other, Map.of("demonstrations", 0, "checkpoint",
                dir.resolve("missing").toString())).run(other))
                .hasMessageContaining("cannot load checkpoints");
    }
}
