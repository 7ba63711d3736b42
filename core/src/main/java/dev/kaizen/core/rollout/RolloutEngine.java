package dev.kaizen.core.rollout;

import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.ProgressReporter;
import dev.kaizen.api.Seeds;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.rollout.Rollouts;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.ErrorCause;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import dev.kaizen.core.recipe.RolloutMode;
import dev.kaizen.core.recipe.RolloutSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * The host's rollout engine, in one of two modes ({@link RolloutMode}).
 *
 * <p>{@code lockstep} (the default): all episodes of a request run in rounds: per step, one
 * {@code decide} for every running episode (in chunks of {@code batchSize} contexts, from the
 * calling thread), then the episodes step concurrently on a pool of {@code threads} threads.
 *
 * <p>Every episode of a request is opened at once, unless the environment limits its open episodes
 * ({@link dev.kaizen.api.env.Environment#maxOpenEpisodes}): then at most that many, and at most
 * {@code threads}, are open at a time, and the next task starts when an episode ends (in lockstep
 * mode at the next round). Episodes are closed as soon as they end.
 *
 * <p>{@code pipelined}: each episode advances on its own. When an episode's reset or step returns,
 * its next context waits for the policy; the calling thread decides for the waiting contexts (up to
 * {@code batchSize} per call, after an optional {@code gatherMillis} window) while other episodes
 * are still stepping, and submits each decision's step to the pool at once; finished episodes are
 * closed at once. A round no longer costs decide latency plus the slowest step: deciding overlaps
 * stepping, which is what remote environments and LLM servers need.
 *
 * <p>In both modes {@code decide} is only ever called from the thread that called {@link #run}, one
 * call at a time. Episode {@code i} is reset with a seed derived from the sampling seed and its
 * task id, and policies derive per-context randomness from the sampling seed, task id and step, so
 * results depend neither on the mode, nor on the batch size or the number of threads. An exception
 * in {@code reset} or {@code step}, or an empty decision, fails only that episode (the error is
 * recorded in its trajectory and counted in a {@code rollout-errors} metric); episodes that reach
 * {@code maxSteps} fail. An exception from the policy itself ends the request (in pipelined mode
 * after the steps under way have returned; every episode is closed), and so does a
 * {@link LinkageError} anywhere: a plugin whose classes cannot link is broken, not one episode.
 *
 * <p>Thread-safe. Closing it stops the pool.
 */
public final class RolloutEngine implements Rollouts, AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final RolloutSettings settings;
    private final ProgressDisplay progress;
    private final MetricsSink metrics;
    private final ExecutorService pool;
    private final AtomicLong totalEpisodes = new AtomicLong();
    private final AtomicLong totalSteps = new AtomicLong();
    private final AtomicLong totalErrors = new AtomicLong();

    public RolloutEngine(RolloutSettings settings, ProgressDisplay progress, MetricsSink metrics) {
        this.settings = settings;
        this.progress = progress;
        this.metrics = metrics;
        int number = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "kaizen-rollout-" + number + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // pipelined mode always steps on the pool, so that deciding overlaps stepping even with one thread
        this.pool = settings.threads() > 1 || settings.mode() == RolloutMode.PIPELINED
                ? Executors.newFixedThreadPool(settings.threads(), factory) : null;
    }

    @Override
    public List<Trajectory> run(RolloutRequest request) {
        return runWithStatistics(request).trajectories();
    }

    /** Runs a request and says what it cost. */
    public Result runWithStatistics(RolloutRequest request) {
        long started = System.nanoTime();
        Outcome outcome;
        if (settings.mode() == RolloutMode.PIPELINED) {
            try (ProgressReporter reporter = progress.start(request.label(), request.tasks().size())) {
                outcome = new PipelinedRollout(request, settings, pool, openLimit(request)).run(reporter);
            }
        } else {
            outcome = lockstep(request);
        }
        List<Trajectory> trajectories = outcome.trajectories();
        int n = trajectories.size();
        int errors = (int) trajectories.stream().filter(Trajectory::errored).count();
        totalEpisodes.addAndGet(n);
        totalSteps.addAndGet(outcome.steps());
        totalErrors.addAndGet(errors);
        if (errors > 0) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("label", request.label());
            fields.put("episodes", n);
            fields.put("errors", errors);
            fields.put("firstError", trajectories.stream().filter(Trajectory::errored).findFirst()
                    .map(t -> t.task().id() + ": " + t.error()).orElse(""));
            metrics.record("rollout-errors", fields);
        }
        RolloutStatistics statistics = new RolloutStatistics(n, outcome.steps(), outcome.decisions(),
                outcome.decideCalls(), errors, (System.nanoTime() - started) / 1e9);
        return new Result(trajectories, statistics);
    }

    /**
     * How many episodes of a request may be open at once: all of them, unless the environment has a
     * limit ({@link dev.kaizen.api.env.Environment#maxOpenEpisodes}); then that limit, at most
     * {@code threads}.
     */
    int openLimit(RolloutRequest request) {
        int n = request.tasks().size();
        OptionalInt limit = request.environment().maxOpenEpisodes();
        return limit.isEmpty() ? n : Math.max(1, Math.min(Math.min(limit.getAsInt(), settings.threads()), n));
    }

    /**
     * Lockstep mode: rounds of one batched decide for every running episode, then every step. Episodes
     * are opened up to {@link #openLimit} at the start of each round and closed as soon as they end.
     */
    private Outcome lockstep(RolloutRequest request) {
        List<Task> tasks = request.tasks();
        int n = tasks.size();
        int limit = openLimit(request);
        Episode[] episodes = new Episode[n];
        List<List<Step>> steps = new ArrayList<>(n);
        double[] returns = new double[n];
        Trajectory[] done = new Trajectory[n];
        for (int i = 0; i < n; i++) {
            steps.add(new ArrayList<>());
        }
        long[] counts = new long[3]; // steps, decisions, decide calls
        int started = 0;
        try (ProgressReporter reporter = progress.start(request.label(), n)) {
            while (true) {
                int before = count(done);
                List<Integer> active = active(done, started);
                if (started < n && active.size() < limit) {
                    int from = started;
                    started = Math.min(n, started + limit - active.size());
                    parallel(started - from, k -> open(request, from + k, episodes, done));
                    active = active(done, started);
                }
                List<Integer> stepping = new ArrayList<>(active.size());
                for (int i : active) {
                    if (steps.get(i).size() >= settings.maxSteps()) {
                        done[i] = Trajectory.failed(tasks.get(i), steps.get(i), request.source(),
                                "no end after " + settings.maxSteps() + " steps (rollout.maxSteps)");
                        close(episodes, i);
                    } else {
                        stepping.add(i);
                    }
                }
                reporter.advance(count(done) - before);
                if (stepping.isEmpty()) {
                    if (started >= n) {
                        break;
                    }
                    continue;
                }
                List<Decision> decisions = decide(request, stepping, episodes, steps, counts);
                int beforeStep = count(done);
                parallel(stepping.size(), k -> {
                    int i = stepping.get(k);
                    Task task = tasks.get(i);
                    Decision decision = decisions.get(k);
                    if (decision.isEmpty()) {
                        done[i] = noAction(task, steps.get(i), request.source(), decision);
                    } else {
                        try {
                            Observation observation = episodes[i].observation();
                            Observation next = episodes[i].step(decision.action());
                            steps.get(i).add(new Step(observation, decision.action(), next.reward()));
                            returns[i] += next.reward();
                            if (next.done()) {
                                done[i] = Trajectory.of(task, steps.get(i), returns[i], request.source());
                            }
                        } catch (RuntimeException | AssertionError e) {
                            done[i] = Trajectory.errored(task, steps.get(i), request.source(), ErrorCause.ENVIRONMENT,
                                    "step failed: " + e);
                        }
                    }
                    if (done[i] != null) {
                        close(episodes, i);
                    }
                });
                counts[0] += stepping.size();
                reporter.advance(count(done) - beforeStep);
            }
        } finally {
            parallel(n, i -> close(episodes, i));
        }
        return new Outcome(List.of(done), counts[0], counts[1], counts[2]);
    }

    /** Starts episode {@code i} (on the pool); an episode that ends at once or cannot start is done and closed. */
    private static void open(RolloutRequest request, int i, Episode[] episodes, Trajectory[] done) {
        Task task = request.tasks().get(i);
        try {
            episodes[i] = request.environment().reset(task, Seeds.derive(request.sampling().seed(), task.id()));
            if (episodes[i].observation().done()) {
                done[i] = Trajectory.of(task, List.of(), 0.0, request.source());
                close(episodes, i);
            }
        } catch (RuntimeException | AssertionError e) {
            done[i] = Trajectory.errored(task, List.of(), request.source(), ErrorCause.ENVIRONMENT,
                    "reset failed: " + e);
        }
    }

    /** The started episodes ({@code i < started}) that have not ended, in task order. */
    private static List<Integer> active(Trajectory[] done, int started) {
        List<Integer> active = new ArrayList<>();
        for (int i = 0; i < started; i++) {
            if (done[i] == null) {
                active.add(i);
            }
        }
        return active;
    }

    /** Closes episode {@code i} if it is open (best effort: its trajectory is already recorded). */
    static void close(Episode[] episodes, int i) {
        Episode episode = episodes[i];
        episodes[i] = null;
        if (episode != null) {
            try {
                episode.close();
            } catch (RuntimeException e) {
                // closing is best effort; the trajectory is already recorded
            }
        }
    }

    private List<Decision> decide(RolloutRequest request, List<Integer> active, Episode[] episodes,
                                  List<List<Step>> steps, long[] counts) {
        List<Decision> decisions = new ArrayList<>(active.size());
        for (int from = 0; from < active.size(); from += settings.batchSize()) {
            int to = Math.min(active.size(), from + settings.batchSize());
            List<AgentContext> contexts = new ArrayList<>(to - from);
            for (int k = from; k < to; k++) {
                int i = active.get(k);
                contexts.add(new AgentContext(request.tasks().get(i), steps.get(i), episodes[i].observation(), List.of()));
            }
            List<Decision> chunk = request.policy().decide(contexts, request.sampling());
            checkDecisions(request, chunk, contexts.size());
            decisions.addAll(chunk);
            counts[1] += contexts.size();
            counts[2]++;
        }
        return decisions;
    }

    /**
     * The trajectory of an episode whose policy proposed no action: errored if the policy could not
     * decide ({@link Decision#isFailed()}), else failed by the agent.
     */
    static Trajectory noAction(Task task, List<Step> steps, TrajectorySource source, Decision decision) {
        return decision.isFailed()
                ? Trajectory.errored(task, steps, source, ErrorCause.POLICY, "the policy could not decide: "
                        + decision.failure())
                : Trajectory.failed(task, steps, source, "the policy proposed no action");
    }

    /** Fails the request if the policy did not return one decision per context. */
    static void checkDecisions(RolloutRequest request, List<Decision> decisions, int contexts) {
        if (decisions == null || decisions.size() != contexts) {
            throw new IllegalStateException("policy " + request.policy().getClass().getName() + " returned "
                    + (decisions == null ? "null" : decisions.size() + " decisions") + " for " + contexts + " contexts");
        }
    }

    private static int count(Trajectory[] done) {
        int count = 0;
        for (Trajectory trajectory : done) {
            if (trajectory != null) {
                count++;
            }
        }
        return count;
    }

    /** Runs {@code body(0..count-1)} on the pool in contiguous chunks; {@code body} must not throw. */
    private void parallel(int count, IntConsumer body) {
        int workers = pool == null ? 1 : Math.min(settings.threads(), count);
        if (workers <= 1) {
            for (int i = 0; i < count; i++) {
                body.accept(i);
            }
            return;
        }
        List<Callable<Void>> chunks = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            int from = (int) ((long) count * w / workers);
            int to = (int) ((long) count * (w + 1) / workers);
            chunks.add(() -> {
                for (int i = from; i < to; i++) {
                    body.accept(i);
                }
                return null;
            });
        }
        try {
            for (Future<Void> future : pool.invokeAll(chunks)) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stepping episodes", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("stepping episodes failed: " + cause, cause);
        }
    }

    /** Totals over every request so far: episodes, steps, errors. */
    public Map<String, Long> totals() {
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("episodes", totalEpisodes.get());
        totals.put("steps", totalSteps.get());
        totals.put("errors", totalErrors.get());
        return totals;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** What one request produced, before timing and metrics. */
    record Outcome(List<Trajectory> trajectories, long steps, long decisions, long decideCalls) {
    }

    /**
     * Trajectories and what they cost.
     *
     * @param trajectories one per task, in the request's order
     * @param statistics counts and time
     */
    public record Result(List<Trajectory> trajectories, RolloutStatistics statistics) {
    }
}
