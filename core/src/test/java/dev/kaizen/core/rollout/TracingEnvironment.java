package dev.kaizen.core.rollout;

import dev.kaizen.api.Seeds;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Wraps an environment for engine tests: steps take a few milliseconds that vary with the task and
 * step (so episodes hand their contexts back in a shuffled order), and the wrapper counts open
 * episodes (and the most ever open), steps in flight and the most steps ever in flight; it can declare a
 * limit on open episodes, fail resets of some tasks,
 * throw an {@link Error} from a step, and run a hook before each step; it records each task's reset seed. Thread-safe.
 */
final class TracingEnvironment implements Environment {

    private final Environment inner;
    private final int maxDelayMillis;
    private final Set<String> failingResets;
    private final String fatalTask;
    private final BiConsumer<Task, Integer> beforeStep;
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger mostOpen = new AtomicInteger();
    private volatile OptionalInt maxOpen = OptionalInt.empty();
    final AtomicInteger resets = new AtomicInteger();
    final AtomicInteger stepping = new AtomicInteger();
    final AtomicInteger mostStepping = new AtomicInteger();
    final AtomicInteger steps = new AtomicInteger();
    final Map<String, Long> seeds = new ConcurrentHashMap<>();

    TracingEnvironment(Environment inner, int maxDelayMillis, Set<String> failingResets, String fatalTask,
                       BiConsumer<Task, Integer> beforeStep) {
        this.inner = inner;
        this.maxDelayMillis = maxDelayMillis;
        this.failingResets = failingResets;
        this.fatalTask = fatalTask;
        this.beforeStep = beforeStep;
    }

    TracingEnvironment(Environment inner, int maxDelayMillis) {
        this(inner, maxDelayMillis, Set.of(), null, (task, step) -> { });
    }

    /** Declares a limit on open episodes ({@link Environment#maxOpenEpisodes}). */
    TracingEnvironment limitOpen(int limit) {
        maxOpen = OptionalInt.of(limit);
        return this;
    }

    @Override
    public OptionalInt maxOpenEpisodes() {
        return maxOpen;
    }

    @Override
    public List<Task> tasks(Split split) {
        return inner.tasks(split);
    }

    @Override
    public Episode reset(Task task, long seed) {
        resets.incrementAndGet();
        seeds.put(task.id(), seed);
        if (failingResets.contains(task.id())) {
            throw new IllegalStateException("no instance for " + task.id());
        }
        Episode episode = inner.reset(task, seed);
        int now = open.incrementAndGet();
        mostOpen.accumulateAndGet(now, Math::max);
        return new Traced(episode);
    }

    private final class Traced implements Episode {
        private final Episode inner;
        private int taken;
        private boolean closed;

        Traced(Episode inner) {
            this.inner = inner;
        }

        @Override
        public Task task() {
            return inner.task();
        }

        @Override
        public Observation observation() {
            return inner.observation();
        }

        @Override
        public Observation step(Action action) {
            if (closed) {
                throw new AssertionError("stepped after close: " + task().id());
            }
            int now = stepping.incrementAndGet();
            mostStepping.accumulateAndGet(now, Math::max);
            try {
                beforeStep.accept(task(), taken);
                if (task().id().equals(fatalTask) && taken == 2) {
                    throw new Error("simulated fatal error in " + task().id());
                }
                long delay = Math.floorMod(Seeds.derive(Seeds.derive(1, task().id()), taken), maxDelayMillis + 1);
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                taken++;
                steps.incrementAndGet();
                return inner.step(action);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } finally {
                stepping.decrementAndGet();
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                open.decrementAndGet();
                inner.close();
            }
        }
    }
}
