package dev.kaizen.core.rollout;

import dev.kaizen.api.ProgressReporter;
import dev.kaizen.api.Seeds;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.ErrorCause;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.core.recipe.RolloutSettings;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One request in pipelined mode. Each episode is always in exactly one place: on the pool (being
 * reset or stepped), waiting for a decision, or finished. Pool tasks hand an episode back by
 * putting its index on {@link #events}; the calling thread, the only one that calls
 * {@code decide}, takes the waiting contexts in arrival order (up to {@code batchSize}, after the
 * optional gather window), decides, and submits each decision's step at once. The queue hand-over
 * orders every write to an episode's state before the next thread that touches it.
 *
 * <p>At most {@code limit} episodes are open at once: the first tasks start at once, and each
 * episode that ends starts the next task.
 *
 * <p>Per episode, everything matches lockstep mode: the reset seed, the steps, the context handed
 * to the policy (task, history, observation, no advice), the {@code maxSteps} cap and the error
 * texts; only the grouping of contexts into {@code decide} calls differs, which the policy
 * contract makes irrelevant to the results.
 */
final class PipelinedRollout {

    private final RolloutRequest request;
    private final RolloutSettings settings;
    private final ExecutorService pool;
    private final List<Task> tasks;
    private final int n;
    private final Episode[] episodes;
    private final List<List<Step>> steps;
    private final double[] returns;
    private final Trajectory[] done;
    private final BlockingQueue<Integer> events = new LinkedBlockingQueue<>();
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private volatile boolean aborted;
    private final ArrayDeque<Integer> waiting = new ArrayDeque<>();
    private final int limit;
    private int started;
    private int busy;
    private int unfinished;
    private long stepCount;
    private long decisionCount;
    private long decideCalls;

    /** @param limit the most episodes open at once (see {@link RolloutEngine#openLimit}) */
    PipelinedRollout(RolloutRequest request, RolloutSettings settings, ExecutorService pool, int limit) {
        this.request = request;
        this.limit = limit;
        this.settings = settings;
        this.pool = pool;
        this.tasks = request.tasks();
        this.n = tasks.size();
        this.episodes = new Episode[n];
        this.steps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            steps.add(new ArrayList<>());
        }
        this.returns = new double[n];
        this.done = new Trajectory[n];
        this.unfinished = n;
    }

    /** Runs every episode to its end; returns the trajectories and what they cost. */
    RolloutEngine.Outcome run(ProgressReporter reporter) {
        boolean completed = false;
        try {
            while (started < Math.min(limit, n)) {
                openNext();
            }
            long gatherNanos = TimeUnit.MILLISECONDS.toNanos(settings.gatherMillis());
            while (unfinished > 0) {
                Integer event = waiting.isEmpty() ? events.take() : events.poll();
                for (; event != null; event = events.poll()) {
                    arrived(event, reporter);
                }
                checkFatal();
                if (waiting.isEmpty()) {
                    continue;
                }
                if (gatherNanos > 0) {
                    long deadline = System.nanoTime() + gatherNanos;
                    while (waiting.size() < settings.batchSize() && busy > 0) {
                        long left = deadline - System.nanoTime();
                        event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
                        if (event == null) {
                            break;
                        }
                        arrived(event, reporter);
                    }
                    checkFatal();
                }
                decideAndStep(reporter);
            }
            completed = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running episodes", e);
        } finally {
            if (!completed) {
                abort();
            }
        }
        return new RolloutEngine.Outcome(List.of(done), stepCount, decisionCount, decideCalls);
    }

    /** Starts the next task's episode on the pool, if a task is left. */
    private void openNext() {
        if (started < n) {
            int episode = started++;
            submit(episode, () -> reset(episode));
        }
    }

    /** Takes an episode back from the pool: finished (the next task starts), or waiting for a decision. */
    private void arrived(int episode, ProgressReporter reporter) {
        busy--;
        if (done[episode] != null) {
            unfinished--;
            reporter.advance(1);
            openNext();
        } else {
            waiting.add(episode);
        }
    }

    private void decideAndStep(ProgressReporter reporter) {
        int size = Math.min(settings.batchSize(), waiting.size());
        int[] batch = new int[size];
        List<AgentContext> contexts = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            int i = waiting.poll();
            batch[k] = i;
            contexts.add(new AgentContext(tasks.get(i), steps.get(i), episodes[i].observation(), List.of()));
        }
        List<Decision> decisions = request.policy().decide(contexts, request.sampling());
        RolloutEngine.checkDecisions(request, decisions, contexts.size());
        decisionCount += size;
        decideCalls++;
        stepCount += size;
        for (int k = 0; k < size; k++) {
            int i = batch[k];
            Decision decision = decisions.get(k);
            if (decision.isEmpty()) {
                done[i] = RolloutEngine.noAction(tasks.get(i), steps.get(i), request.source(), decision);
                close(i);
                unfinished--;
                reporter.advance(1);
                openNext();
            } else {
                submit(i, () -> step(i, decision));
            }
        }
    }

    /** Hands episode {@code i} to the pool; {@code work} hands it back. Skipped after an abort. */
    private void submit(int i, Runnable work) {
        pool.execute(() -> {
            if (aborted) {
                events.add(i);
            } else {
                work.run();
            }
        });
        busy++;
    }

    /** On the pool: starts episode {@code i}, then hands it back. */
    private void reset(int i) {
        Task task = tasks.get(i);
        try {
            episodes[i] = request.environment().reset(task, Seeds.derive(request.sampling().seed(), task.id()));
            if (episodes[i].observation().done()) {
                done[i] = Trajectory.of(task, List.of(), 0.0, request.source());
                close(i);
            }
        } catch (RuntimeException | AssertionError e) {
            done[i] = Trajectory.errored(task, List.of(), request.source(), ErrorCause.ENVIRONMENT,
                    "reset failed: " + e);
            close(i);
        } catch (Throwable e) {
            fatal.compareAndSet(null, e);
        } finally {
            events.add(i);
        }
    }

    /** On the pool: takes episode {@code i}'s decided step, then hands it back. */
    private void step(int i, Decision decision) {
        Task task = tasks.get(i);
        List<Step> taken = steps.get(i);
        try {
            Observation observation = episodes[i].observation();
            Observation next = episodes[i].step(decision.action());
            taken.add(new Step(observation, decision.action(), next.reward()));
            returns[i] += next.reward();
            if (next.done()) {
                done[i] = Trajectory.of(task, taken, returns[i], request.source());
            } else if (taken.size() >= settings.maxSteps()) {
                done[i] = Trajectory.failed(task, taken, request.source(),
                        "no end after " + settings.maxSteps() + " steps (rollout.maxSteps)");
            }
        } catch (RuntimeException | AssertionError e) {
            done[i] = Trajectory.errored(task, taken, request.source(), ErrorCause.ENVIRONMENT,
                    "step failed: " + e);
        } catch (Throwable e) {
            fatal.compareAndSet(null, e);
        } finally {
            if (done[i] != null) {
                close(i);
            }
            events.add(i);
        }
    }

    /** Closes a finished episode at once (best effort; its trajectory is already recorded). */
    private void close(int i) {
        RolloutEngine.close(episodes, i);
    }

    private void checkFatal() {
        Throwable cause = fatal.get();
        if (cause == null) {
            return;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException("stepping episodes failed: " + cause, cause);
    }

    /**
     * After a failure (the policy threw, a fatal error, an interrupt): lets the steps under way end
     * (queued ones are skipped), then closes every episode still open. Steps of remote environments
     * end within their own timeouts.
     */
    private void abort() {
        aborted = true;
        boolean interrupted = Thread.interrupted();
        while (busy > 0) {
            try {
                Integer event = events.poll(1, TimeUnit.SECONDS);
                if (event != null) {
                    busy--;
                } else if (pool.isShutdown()) {
                    break; // the engine was closed under us; nothing will hand episodes back
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        for (int i = 0; i < n; i++) {
            close(i);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
