package dev.kaizen.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.TabularPolicy;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.core.recipe.RolloutSettings;
import dev.kaizen.core.testing.FirstActionPolicyFactory.FirstAction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolloutEngineTest {

    private static CounterEnvironment environment(List<String> faulty) {
        return new CounterEnvironment(new CounterEnvironmentConfig(40, 10, 10, 12, true, faulty, 0));
    }

    private static List<Trajectory> run(RolloutSettings settings, CounterEnvironment environment, Policy policy,
                                        List<Task> tasks, Sampling sampling, MetricsSink metrics) {
        try (RolloutEngine engine = new RolloutEngine(settings, ProgressDisplay.none(), metrics)) {
            return engine.run(new RolloutRequest(environment, tasks, policy, sampling, "test"));
        }
    }

    @Test
    void oneDecideCallPerLockstepStepForTheWholeBatch() {
        CounterEnvironment environment = environment(List.of());
        FirstAction policy = new FirstAction(List.of());
        List<Task> tasks = environment.tasks(Split.TRAIN).subList(0, 20);
        List<Trajectory> done = run(new RolloutSettings(256, 4, null), environment, policy, tasks, Sampling.greedy(),
                MetricsSink.DISCARD);
        // first-action clicks +1 until the counter environment cuts the episode off after 12 steps
        assertThat(done).hasSize(20).allSatisfy(t -> assertThat(t.length()).isEqualTo(12));
        assertThat(policy.batchSizes()).hasSize(12).containsOnly(20);
    }

    @Test
    void batchesAreChunkedByBatchSize() {
        CounterEnvironment environment = environment(List.of());
        FirstAction policy = new FirstAction(List.of());
        run(new RolloutSettings(8, 3, null), environment, policy, environment.tasks(Split.TRAIN).subList(0, 20),
                Sampling.greedy(), MetricsSink.DISCARD);
        assertThat(policy.batchSizes()).hasSize(36).containsSequence(8, 8, 4, 8, 8, 4);
    }

    @Test
    void aFailingEpisodeIsRecordedAndTheOthersGoOn() {
        CounterEnvironment environment = environment(List.of("train-3", "train-7"));
        List<Map<String, Object>> events = Collections.synchronizedList(new ArrayList<>());
        List<Task> tasks = environment.tasks(Split.TRAIN).subList(0, 10);
        List<Trajectory> done = run(new RolloutSettings(4, 4, null), environment, new FirstAction(List.of("train-5")),
                tasks, Sampling.greedy(), (event, fields) -> events.add(Map.of("event", event, "fields", fields)));
        assertThat(done).extracting(t -> t.task().id()).containsExactlyElementsOf(tasks.stream().map(Task::id).toList());
        assertThat(done.get(3).error()).contains("step failed", "task train-3 is configured to fail");
        assertThat(done.get(7).error()).contains("configured to fail");
        assertThat(done.get(5).error()).isEqualTo("the policy proposed no action");
        assertThat(done.get(3).success()).isFalse();
        assertThat(done.get(3).reward()).isZero();
        assertThat(done.stream().filter(t -> t.error() == null)).hasSize(7).allSatisfy(t -> assertThat(t.length()).isEqualTo(12));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.get("event")).isEqualTo("rollout-errors");
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) e.get("fields");
            assertThat(fields).containsEntry("errors", 3).containsEntry("episodes", 10);
        });
    }

    @Test
    void resultsDoNotDependOnThreadsOrBatchSize() {
        CounterEnvironment environment = environment(List.of());
        List<Task> tasks = new ArrayList<>(environment.tasks(Split.TRAIN));
        tasks.addAll(environment.tasks(Split.UNSEEN));
        Sampling sampling = new Sampling(1, 1.5, 99);
        List<Trajectory> reference = run(new RolloutSettings(1000, 1, null), environment, new TabularPolicy(0.0), tasks,
                sampling, MetricsSink.DISCARD);
        for (int[] setting : new int[][] {{1, 8}, {7, 3}, {50, 64}}) {
            List<Trajectory> other = run(new RolloutSettings(setting[0], setting[1], null), environment,
                    new TabularPolicy(0.0), tasks, sampling, MetricsSink.DISCARD);
            assertThat(other).as("batchSize %d, threads %d", setting[0], setting[1]).isEqualTo(reference);
        }
        List<Trajectory> otherSeed = run(new RolloutSettings(1000, 1, null), environment, new TabularPolicy(0.0), tasks,
                sampling.withSeed(100), MetricsSink.DISCARD);
        assertThat(otherSeed).isNotEqualTo(reference);
        assertThat(reference.stream().map(Trajectory::steps).distinct().count()).as("sampling varies").isGreaterThan(10);
    }

    @Test
    void episodesAreCutOffAtMaxSteps() {
        CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig(5, 1, 1, 1000, true,
                List.of(), 0));
        List<Trajectory> done = run(new RolloutSettings(null, 2, 30), environment, new FirstAction(List.of()),
                environment.tasks(Split.TRAIN), Sampling.greedy(), MetricsSink.DISCARD);
        assertThat(done).allSatisfy(t -> {
            assertThat(t.length()).isEqualTo(30);
            assertThat(t.error()).contains("no end after 30 steps (rollout.maxSteps)");
        });
    }

    @Test
    void aPolicyReturningTheWrongNumberOfDecisionsEndsTheRequest() {
        CounterEnvironment environment = environment(List.of());
        Policy broken = (contexts, sampling) -> List.of();
        assertThatThrownBy(() -> run(RolloutSettings.defaults(), environment, broken,
                environment.tasks(Split.SEEN), Sampling.greedy(), MetricsSink.DISCARD))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("returned 0 decisions for 10 contexts");
    }

    @Test
    void statisticsCountStepsDecisionsAndCalls() {
        CounterEnvironment environment = environment(List.of());
        try (RolloutEngine engine = new RolloutEngine(new RolloutSettings(4, 2, null), ProgressDisplay.none(),
                MetricsSink.DISCARD)) {
            RolloutEngine.Result result = engine.runWithStatistics(new RolloutRequest(environment,
                    environment.tasks(Split.SEEN), new FirstAction(List.of()), Sampling.greedy(), "stats"));
            assertThat(result.statistics().episodes()).isEqualTo(10);
            assertThat(result.statistics().steps()).isEqualTo(120);
            assertThat(result.statistics().decisions()).isEqualTo(120);
            assertThat(result.statistics().decideCalls()).isEqualTo(36);
            assertThat(engine.totals()).containsEntry("steps", 120L).containsEntry("errors", 0L);
        }
    }
}
