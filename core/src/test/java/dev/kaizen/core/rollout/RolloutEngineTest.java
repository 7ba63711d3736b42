package dev.kaizen.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.Seeds;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.TabularPolicy;
import dev.kaizen.api.trajectory.ErrorCause;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.core.recipe.RolloutMode;
import dev.kaizen.core.recipe.RolloutSettings;
import dev.kaizen.core.testing.FirstActionPolicyFactory.FirstAction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RolloutEngineTest {

    private static CounterEnvironment environment(List<String> faulty) {
        return new CounterEnvironment(new CounterEnvironmentConfig(40, 10, 10, 12, true, faulty, 0));
    }

    private static RolloutSettings pipelined(Integer batchSize, Integer threads, Integer maxSteps, int gatherMillis) {
        return new RolloutSettings(batchSize, threads, maxSteps, RolloutMode.PIPELINED, gatherMillis);
    }

    private static List<Trajectory> run(RolloutSettings settings, Environment environment, Policy policy,
                                        List<Task> tasks, Sampling sampling, MetricsSink metrics) {
        try (RolloutEngine engine = new RolloutEngine(settings, ProgressDisplay.none(), metrics)) {
            return engine.run(new RolloutRequest(environment, tasks, policy, sampling, "test"));
        }
    }

    /**
     * Wraps a policy: checks that decide is called from one thread, never concurrently, and records
     * each call's contexts as (task, step) and the steps then in flight.
     */
    private static final class Watched implements Policy {
        private final Policy inner;
        private final TracingEnvironment environment;
        private final AtomicInteger inside = new AtomicInteger();
        private final Set<Thread> threads = Collections.synchronizedSet(new java.util.HashSet<>());
        private final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger mostSteppingWhileDeciding = new AtomicInteger();
        private final AtomicBoolean overlapped = new AtomicBoolean();

        Watched(Policy inner, TracingEnvironment environment) {
            this.inner = inner;
            this.environment = environment;
        }

        @Override
        public List<Decision> decide(List<AgentContext> contexts, Sampling sampling) {
            if (inside.incrementAndGet() != 1) {
                overlapped.set(true);
            }
            try {
                threads.add(Thread.currentThread());
                calls.add(contexts.stream().map(c -> c.task().id() + "@" + c.step()).toList());
                if (environment != null) {
                    mostSteppingWhileDeciding.accumulateAndGet(environment.stepping.get(), Math::max);
                }
                Thread.sleep(1); // widens the window in which a second caller would overlap
                return inner.decide(contexts, sampling);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                inside.decrementAndGet();
            }
        }

        boolean mixedSteps() {
            synchronized (calls) {
                return calls.stream().anyMatch(call -> call.stream().map(c -> c.substring(c.indexOf('@')))
                        .distinct().count() > 1);
            }
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

    @ParameterizedTest
    @EnumSource(RolloutMode.class)
    void aFailingEpisodeIsRecordedAndTheOthersGoOn(RolloutMode mode) {
        CounterEnvironment environment = environment(List.of("train-3", "train-7"));
        List<Map<String, Object>> events = Collections.synchronizedList(new ArrayList<>());
        List<Task> tasks = environment.tasks(Split.TRAIN).subList(0, 10);
        List<Trajectory> done = run(new RolloutSettings(4, 4, null).withMode(mode), environment,
                new FirstAction(List.of("train-5")), tasks, Sampling.greedy(),
                (event, fields) -> events.add(Map.of("event", event, "fields", fields)));
        assertThat(done).extracting(t -> t.task().id()).containsExactlyElementsOf(tasks.stream().map(Task::id).toList());
        assertThat(done.get(3).error()).contains("step failed", "task train-3 is configured to fail");
        assertThat(done.get(7).error()).contains("configured to fail");
        assertThat(done.get(5).error()).isEqualTo("the policy proposed no action");
        assertThat(done.get(3).cause()).as("the environment failed: errored").isEqualTo(ErrorCause.ENVIRONMENT);
        assertThat(done.get(5).cause()).as("the agent failed: not errored").isNull();
        assertThat(done.get(3).success()).isFalse();
        assertThat(done.get(3).reward()).isZero();
        assertThat(done.stream().filter(t -> t.error() == null)).hasSize(7).allSatisfy(t -> assertThat(t.length()).isEqualTo(12));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.get("event")).isEqualTo("rollout-errors");
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) e.get("fields");
            assertThat(fields).containsEntry("errors", 2).containsEntry("episodes", 10);
        });
    }

    @ParameterizedTest
    @EnumSource(RolloutMode.class)
    void aFailedResetFailsOnlyItsEpisodeAndEveryEpisodeIsClosed(RolloutMode mode) {
        TracingEnvironment environment = new TracingEnvironment(environment(List.of()), 1, Set.of("train-2"), null,
                (task, step) -> { });
        List<Trajectory> done = run(new RolloutSettings(3, 4, null).withMode(mode), environment,
                new FirstAction(List.of()), environment.tasks(Split.TRAIN).subList(0, 6), Sampling.greedy(),
                MetricsSink.DISCARD);
        assertThat(done.get(2).error()).isEqualTo("reset failed: java.lang.IllegalStateException: no instance for train-2");
        assertThat(done.get(2).steps()).isEmpty();
        assertThat(done).filteredOn(t -> t.error() == null).hasSize(5).allSatisfy(t -> assertThat(t.length()).isEqualTo(12));
        assertThat(environment.open).hasValue(0);
    }

    @Test
    void resultsAreTheSameInEveryModeBatchSizeAndThreadCount() {
        CounterEnvironment plain = environment(List.of("train-3"));
        List<Task> tasks = new ArrayList<>(plain.tasks(Split.TRAIN));
        tasks.addAll(plain.tasks(Split.UNSEEN));
        Sampling sampling = new Sampling(1, 1.5, 99);
        List<Trajectory> reference = run(new RolloutSettings(1000, 1, null), plain, new TabularPolicy(0.0), tasks,
                sampling, MetricsSink.DISCARD);
        List<RolloutSettings> settings = List.of(new RolloutSettings(1, 8, null), new RolloutSettings(7, 3, null),
                new RolloutSettings(50, 64, null), pipelined(1, 1, null, 0), pipelined(7, 3, null, 0),
                pipelined(50, 64, null, 0), pipelined(16, 8, null, 2), pipelined(1000, 2, null, 0));
        for (RolloutSettings setting : settings) {
            TracingEnvironment environment = new TracingEnvironment(plain, 2);
            Watched policy = new Watched(new TabularPolicy(0.0), environment);
            List<Trajectory> other = run(setting, environment, policy, tasks, sampling, MetricsSink.DISCARD);
            assertThat(other).as("%s", setting).isEqualTo(reference);
            assertThat(environment.seeds).as("episodes are seeded by the sampling seed and the task id")
                    .hasSize(tasks.size())
                    .allSatisfy((task, seed) -> assertThat(seed).isEqualTo(Seeds.derive(sampling.seed(), task)));
            if (setting.mode() == RolloutMode.PIPELINED && setting.batchSize() > 1 && setting.threads() > 1) {
                assertThat(policy.mixedSteps()).as("%s batches contexts of different steps", setting).isTrue();
            }
        }
        List<Trajectory> otherSeed = run(pipelined(16, 8, null, 0), plain, new TabularPolicy(0.0), tasks,
                sampling.withSeed(100), MetricsSink.DISCARD);
        assertThat(otherSeed).isNotEqualTo(reference);
        assertThat(reference.stream().map(Trajectory::steps).distinct().count()).as("sampling varies").isGreaterThan(10);
        assertThat(reference.get(3).error()).contains("configured to fail");
    }

    @ParameterizedTest
    @EnumSource(RolloutMode.class)
    void anEnvironmentThatLimitsOpenEpisodesGetsNoMoreAndTheSameResults(RolloutMode mode) {
        CounterEnvironment plain = environment(List.of("train-3"));
        List<Task> tasks = plain.tasks(Split.TRAIN).subList(0, 30);
        Sampling sampling = new Sampling(1, 1.5, 99);
        TracingEnvironment unlimited = new TracingEnvironment(plain, 1);
        List<Trajectory> reference = run(new RolloutSettings(8, 8, null).withMode(mode), unlimited,
                new TabularPolicy(0.0), tasks, sampling, MetricsSink.DISCARD);
        // without a limit every episode opens at once (pipelined: as fast as the pool resets them)
        assertThat(unlimited.mostOpen.get()).isGreaterThanOrEqualTo(mode == RolloutMode.LOCKSTEP ? 30 : 9);
        for (int[] limitAndThreads : new int[][] {{3, 8}, {20, 5}, {1, 4}}) {
            TracingEnvironment limited = new TracingEnvironment(plain, 1).limitOpen(limitAndThreads[0]);
            List<Trajectory> other = run(new RolloutSettings(8, limitAndThreads[1], null).withMode(mode), limited,
                    new TabularPolicy(0.0), tasks, sampling, MetricsSink.DISCARD);
            int expected = Math.min(limitAndThreads[0], limitAndThreads[1]);
            assertThat(limited.mostOpen).as("limit %s, threads %s", limitAndThreads[0], limitAndThreads[1])
                    .hasValue(expected);
            assertThat(limited.open).as("every episode closed").hasValue(0);
            assertThat(limited.resets).hasValue(30);
            assertThat(other).isEqualTo(reference);
        }
        TracingEnvironment capped = new TracingEnvironment(plain, 1).limitOpen(2);
        List<Trajectory> cut = run(new RolloutSettings(8, 8, 5).withMode(mode), capped, new FirstAction(List.of()),
                tasks.subList(4, 10), sampling, MetricsSink.DISCARD);
        assertThat(cut).allSatisfy(t -> {
            assertThat(t.error()).isEqualTo("no end after 5 steps (rollout.maxSteps)");
            assertThat(t.length()).isEqualTo(5);
        });
        assertThat(capped.mostOpen).hasValue(2);
    }

    @ParameterizedTest
    @EnumSource(RolloutMode.class)
    void decideIsCalledFromTheCallingThreadOnlyAndNeverConcurrently(RolloutMode mode) {
        TracingEnvironment environment = new TracingEnvironment(environment(List.of()), 2);
        Watched policy = new Watched(new TabularPolicy(0.0), environment);
        run(new RolloutSettings(4, 16, null).withMode(mode), environment, policy,
                environment.tasks(Split.TRAIN), new Sampling(1, 1.0, 3), MetricsSink.DISCARD);
        assertThat(policy.overlapped).isFalse();
        assertThat(policy.threads).containsExactly(Thread.currentThread());
        assertThat(environment.mostStepping.get()).as("episodes stepped concurrently").isGreaterThan(1);
        if (mode == RolloutMode.LOCKSTEP) {
            assertThat(policy.mostSteppingWhileDeciding).as("lockstep never decides while stepping").hasValue(0);
        }
    }

    @Test
    @Timeout(60)
    void aSlowStepDoesNotHoldBackTheOtherPipelinedEpisodes() {
        CountDownLatch othersAdvanced = new CountDownLatch(1);
        AtomicBoolean released = new AtomicBoolean();
        TracingEnvironment environment = new TracingEnvironment(environment(List.of()), 0, Set.of(), null,
                (task, step) -> {
                    if (task.id().equals("train-0") && step == 0) {
                        try {
                            released.set(othersAdvanced.await(30, TimeUnit.SECONDS));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
        Policy policy = (contexts, sampling) -> {
            if (contexts.stream().anyMatch(c -> c.step() >= 6)) {
                othersAdvanced.countDown();
            }
            return new FirstAction(List.of()).decide(contexts, sampling);
        };
        List<Trajectory> done = run(pipelined(8, 4, null, 0), environment, policy,
                environment.tasks(Split.TRAIN).subList(0, 8), Sampling.greedy(), MetricsSink.DISCARD);
        assertThat(released).as("the other episodes reached step 6 while train-0's first step waited").isTrue();
        assertThat(done).allSatisfy(t -> assertThat(t.length()).isEqualTo(12));
    }

    @Test
    @Timeout(60)
    void aGatherWindowWaitsForTheEpisodesStillSteppingButNotForNothing() {
        TracingEnvironment environment = new TracingEnvironment(environment(List.of()), 2);
        FirstAction policy = new FirstAction(List.of());
        // a window longer than the test's timeout: it must end as soon as no episode is still stepping
        run(pipelined(256, 4, null, 60_000), environment, policy, environment.tasks(Split.TRAIN).subList(0, 10),
                Sampling.greedy(), MetricsSink.DISCARD);
        assertThat(policy.batchSizes()).hasSize(12).containsOnly(10);

        FirstAction capped = new FirstAction(List.of());
        run(pipelined(4, 4, null, 60_000), environment, capped, environment.tasks(Split.TRAIN).subList(0, 10),
                Sampling.greedy(), MetricsSink.DISCARD);
        assertThat(capped.batchSizes()).allSatisfy(size -> assertThat(size).isBetween(1, 4));
        assertThat(capped.batchSizes().stream().mapToInt(Integer::intValue).sum()).isEqualTo(120);
    }

    @ParameterizedTest
    @EnumSource(RolloutMode.class)
    void episodesAreCutOffAtMaxSteps(RolloutMode mode) {
        CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig(5, 1, 1, 1000, true,
                List.of(), 0));
        List<Trajectory> done = run(new RolloutSettings(null, 2, 30).withMode(mode), environment,
                new FirstAction(List.of()), environment.tasks(Split.TRAIN), Sampling.greedy(), MetricsSink.DISCARD);
        assertThat(done).allSatisfy(t -> {
            assertThat(t.length()).isEqualTo(30);
            assertThat(t.error()).contains("no end after 30 steps (rollout.maxSteps)");
        });
    }

    @ParameterizedTest
    @EnumSource(RolloutMode.class)
    void aPolicyReturningTheWrongNumberOfDecisionsEndsTheRequest(RolloutMode mode) {
        CounterEnvironment environment = environment(List.of());
        Policy broken = (contexts, sampling) -> List.of();
        assertThatThrownBy(() -> run(new RolloutSettings(256, 1, null).withMode(mode), environment, broken,
                environment.tasks(Split.SEEN).subList(0, 1), Sampling.greedy(), MetricsSink.DISCARD))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("returned 0 decisions for 1 contexts");
    }

    @ParameterizedTest
    @EnumSource(RolloutMode.class)
    void aThrowingPolicyEndsTheRequestOnceNoStepIsUnderWayAndClosesEveryEpisode(RolloutMode mode) throws Exception {
        TracingEnvironment environment = new TracingEnvironment(environment(List.of()), 3);
        assertThatThrownBy(() -> run(new RolloutSettings(3, 8, null).withMode(mode), environment,
                new FirstAction(List.of(), 5), environment.tasks(Split.TRAIN).subList(0, 20), Sampling.greedy(),
                MetricsSink.DISCARD))
                .isInstanceOf(IllegalStateException.class).hasMessage("the policy server went away");
        assertThat(environment.stepping).as("no step under way after the request ended").hasValue(0);
        assertThat(environment.open).as("every episode closed").hasValue(0);
        int steps = environment.steps.get();
        Thread.sleep(20);
        assertThat(environment.steps).as("no step started after the request ended").hasValue(steps);
    }

    @ParameterizedTest
    @EnumSource(RolloutMode.class)
    void aFatalErrorInAStepEndsTheRequestAndClosesEveryEpisode(RolloutMode mode) {
        TracingEnvironment environment = new TracingEnvironment(environment(List.of()), 1, Set.of(), "train-4",
                (task, step) -> { });
        assertThatThrownBy(() -> run(new RolloutSettings(4, 4, null).withMode(mode), environment,
                new FirstAction(List.of()), environment.tasks(Split.TRAIN).subList(0, 10), Sampling.greedy(),
                MetricsSink.DISCARD))
                .isInstanceOf(Error.class).hasMessage("simulated fatal error in train-4");
        assertThat(environment.stepping).hasValue(0);
        assertThat(environment.open).hasValue(0);
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
        FirstAction policy = new FirstAction(List.of());
        try (RolloutEngine engine = new RolloutEngine(pipelined(4, 2, null, 0), ProgressDisplay.none(),
                MetricsSink.DISCARD)) {
            RolloutEngine.Result result = engine.runWithStatistics(new RolloutRequest(environment,
                    environment.tasks(Split.SEEN), policy, Sampling.greedy(), "stats"));
            assertThat(result.statistics().steps()).isEqualTo(120);
            assertThat(result.statistics().decisions()).isEqualTo(120);
            assertThat(result.statistics().decideCalls()).isEqualTo(policy.batchSizes().size()).isBetween(30L, 120L);
            assertThat(engine.totals()).containsEntry("episodes", 10L).containsEntry("steps", 120L);
        }
    }
}
