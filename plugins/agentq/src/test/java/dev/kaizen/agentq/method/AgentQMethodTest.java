package dev.kaizen.agentq.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.agentq.critic.PolicyCriticFactory;
import dev.kaizen.agentq.mcts.MctsFactory;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.method.EvaluationResult;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.method.TrainingMethodConfig;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.CounterEnvironmentFactory;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.testing.FakeMethodContext;
import dev.kaizen.api.testing.TabularBcOptimizerFactory;
import dev.kaizen.api.testing.TabularPolicy;
import dev.kaizen.api.testing.TabularPolicyFactory;
import dev.kaizen.api.trajectory.PreferencePair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentQMethodTest {

    private static final Action PLUS = Action.of("click[+1]");
    private static final Action SUBMIT = Action.of("click[submit]");

    @TempDir
    Path dir;

    private final CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());

    private FakeMethodContext context(TabularPolicy policy) {
        FakeMethodContext context = new FakeMethodContext(42, dir, environment, policy);
        context.register(new CounterEnvironmentFactory(), new TabularPolicyFactory(), new TabularBcOptimizerFactory(),
                new MctsFactory(), new PolicyCriticFactory(), new AgentQFactory());
        return context;
    }

    /** A sample config: a checkpoint to start from, two iterations of 10 training tasks, K = 3. */
    private Map<String, Object> sample(Path checkpoint) {
        Map<String, Object> mcts = Map.of("type", "mcts", "simulations", 8, "proposals", 3, "expansionTemperature", 0.0);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "agentq");
        fields.put("checkpoint", checkpoint.toString());
        fields.put("iterations", 2);
        fields.put("tasksPerIteration", 10);
        fields.put("search", mcts);
        fields.put("critic", Map.of("type", "policy-critic"));
        fields.put("alpha", 0.8);
        fields.put("optimizer", Map.of("type", "tabular-bc"));
        fields.put("inferenceSearch", mcts);
        return fields;
    }

    /**
     * A policy that counts up well but overshoots: at the target it prefers +1 to submit (logits 1 and
     * 0.5), one above it submits. Greedy it never succeeds on targets 1..5; its own search finds that
     * submitting at the target pays 1.
     */
    private Path overshootingCheckpoint() throws Exception {
        TabularPolicy policy = new TabularPolicy(0.0);
        for (Task task : environment.tasks(Split.TRAIN).subList(0, 5)) {
            int target = CounterEnvironment.target(task);
            try (Episode episode = environment.reset(task, 0)) {
                for (int value = 0; value <= target + 1; value++) {
                    AgentContext context = AgentContext.start(task, episode.observation());
                    if (value < target) {
                        policy.adjust(context, PLUS, 2.0);
                    } else if (value == target) {
                        policy.adjust(context, PLUS, 1.0);
                        policy.adjust(context, SUBMIT, 0.5);
                    } else {
                        policy.adjust(context, SUBMIT, 2.0);
                    }
                    episode.step(PLUS);
                }
            }
        }
        Path checkpoint = Files.createDirectories(dir.resolve("overshooting"));
        policy.save(checkpoint);
        return checkpoint;
    }

    private static double success(List<EvaluationResult> results, String stage, Split split, String search) {
        return results.stream().filter(r -> r.stage().equals(stage) && r.split() == split && r.search().equals(search))
                .findFirst().orElseThrow(() -> new AssertionError("no " + stage + "/" + split + "/" + search))
                .successRate();
    }

    @Test
    void agentQFixesWhatItsSearchFindsAndSearchesAtInference() throws Exception {
        TabularPolicy policy = new TabularPolicy(0.0);
        FakeMethodContext context = context(policy);
        TrainingMethod method = context.create(context.config(TrainingMethodConfig.class, sample(overshootingCheckpoint())));
        method.run(context);

        assertThat(context.stages()).containsExactly("baseline", "iter-1", "final");
        List<EvaluationResult> results = context.evaluations();
        assertThat(success(results, "baseline", Split.SEEN, "greedy")).isZero();
        assertThat(success(results, "baseline", Split.SEEN, "mcts")).isEqualTo(1.0);
        assertThat(success(results, "final", Split.SEEN, "greedy")).isEqualTo(1.0);
        assertThat(success(results, "final", Split.SEEN, "mcts")).isEqualTo(1.0);
        assertThat(results).noneMatch(r -> r.stage().equals("iter-1") && r.search().equals("mcts"));

        // pairs from the trees: at the target, submit beats +1
        assertThat(context.pairs()).containsOnlyKeys("iter-1", "final");
        List<PreferencePair> pairs = context.pairs().get("iter-1");
        assertThat(pairs).isNotEmpty().allSatisfy(p -> assertThat(p.margin()).isGreaterThan(0.1 - 1e-9));
        assertThat(pairs).anySatisfy(p -> {
            assertThat(p.context().observation().text()).contains("set the counter to 3. Value: 3");
            assertThat(p.chosen().get(0).action()).isEqualTo(SUBMIT);
            assertThat(p.rejected().get(0).action()).isEqualTo(PLUS);
        });
        assertThat(context.trajectories()).containsKeys("iter-1-explore", "final-explore");
        assertThat(context.trajectories().get("iter-1-explore")).hasSize(10);

        List<FakeComponentContext.Metric> metrics = context.recordedMetrics();
        assertThat(metrics).extracting(FakeComponentContext.Metric::event)
                .contains("agentq-warm-start", "mcts-search", "agentq-pairs", "agentq-train", "agentq-drift");
        assertThat(metrics).filteredOn(m -> m.event().equals("agentq-pairs")).allSatisfy(m ->
                assertThat((Integer) m.fields().get("pairs")).isPositive());
    }

    @Test
    void theWarmUpIsBehaviourCloningOnTheFirstTrainingTasks() throws Exception {
        Map<String, Object> fields = sample(dir);
        fields.remove("checkpoint");
        fields.put("demonstrations", 5);
        fields.put("warmupOptimizer", Map.of("type", "tabular-bc"));
        fields.put("iterations", 1);
        fields.put("searchBaseline", false);
        TabularPolicy policy = new TabularPolicy(0.0);
        FakeMethodContext context = context(policy);
        context.<TrainingMethod>create(context.config(TrainingMethodConfig.class, fields)).run(context);

        assertThat(context.stages()).containsExactly("baseline", "final");
        assertThat(context.trajectories().get("demonstrations")).extracting(t -> t.task().id())
                .containsExactly("train-0", "train-1", "train-2", "train-3", "train-4");
        // the five demonstrations cover targets 1..5, so the seen tasks are solved from the start
        assertThat(success(context.evaluations(), "baseline", Split.SEEN, "greedy")).isEqualTo(1.0);
        assertThat(context.evaluations()).noneMatch(r -> r.stage().equals("baseline") && r.search().equals("mcts"));
    }

    @Test
    void sameSeedSameRun() throws Exception {
        Path checkpoint = overshootingCheckpoint();
        FakeMethodContext first = context(new TabularPolicy(0.0));
        first.<TrainingMethod>create(first.config(TrainingMethodConfig.class, sample(checkpoint))).run(first);
        FakeMethodContext second = context(new TabularPolicy(0.0));
        second.<TrainingMethod>create(second.config(TrainingMethodConfig.class, sample(checkpoint))).run(second);
        assertThat(second.pairs()).isEqualTo(first.pairs());
        assertThat(second.evaluations()).isEqualTo(first.evaluations());
    }

    @Test
    void theScheduleSetsOptimizerFieldsPerIteration() throws Exception {
        Map<String, Object> fields = sample(overshootingCheckpoint());
        fields.put("schedule", Map.of("step", List.of(0.5, 2.0)));
        FakeMethodContext context = context(new TabularPolicy(0.0));
        context.<TrainingMethod>create(context.config(TrainingMethodConfig.class, fields)).run(context);
        assertThat(context.recordedMetrics()).filteredOn(m -> m.event().equals("agentq-train"))
                .extracting(m -> (Object) m.fields().get("schedule.step")).containsExactly(0.5, 2.0);
    }

    @Test
    void aScheduleKeyTheOptimizerLacksFailsWhenTheMethodIsBuilt() throws Exception {
        Map<String, Object> fields = sample(overshootingCheckpoint());
        fields.put("schedule", Map.of("beta", List.of(0.1, 0.5)));
        FakeMethodContext context = context(new TabularPolicy(0.0));
        TrainingMethodConfig config = context.config(TrainingMethodConfig.class, fields);
        assertThatThrownBy(() -> context.create(config))
                .hasMessageContaining("method.schedule does not fit method.optimizer in iteration 1")
                .hasMessageContaining("beta");
    }

    @Test
    void aMissingCheckpointIsReportedBeforeAnythingRuns() {
        Map<String, Object> fields = sample(dir.resolve("no-such-checkpoint"));
        FakeMethodContext context = context(new TabularPolicy(0.0));
        TrainingMethod method = context.create(context.config(TrainingMethodConfig.class, fields));
        assertThatThrownBy(() -> method.run(context)).hasMessageContaining("method.checkpoint: no checkpoint directory")
                .hasMessageContaining("no-such-checkpoint");
        assertThat(context.evaluations()).isEmpty();
    }

    @Test
    void theTasksOfEachIterationAreSlicesOfOneShuffle() throws Exception {
        Map<String, Object> fields = sample(overshootingCheckpoint());
        fields.put("tasksPerIteration", 15);
        FakeMethodContext context = context(new TabularPolicy(0.0));
        context.<TrainingMethod>create(context.config(TrainingMethodConfig.class, fields)).run(context);
        List<String> first = context.trajectories().get("iter-1-explore").stream().map(t -> t.task().id()).toList();
        List<String> second = context.trajectories().get("final-explore").stream().map(t -> t.task().id()).toList();
        assertThat(first).hasSize(15).doesNotHaveDuplicates();
        assertThat(second).hasSize(15).doesNotHaveDuplicates();
        // 20 training tasks: the second slice takes the last 5 of the shuffle, then wraps to its first 10
        assertThat(second.subList(0, 5)).doesNotContainAnyElementsOf(first);
        assertThat(second.subList(5, 15)).isEqualTo(first.subList(0, 10));
    }
}
