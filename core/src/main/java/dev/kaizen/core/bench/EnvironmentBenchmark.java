package dev.kaizen.core.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.Seeds;
import dev.kaizen.api.bench.Benchmark;
import dev.kaizen.api.bench.BenchmarkRequest;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.EnvironmentConfig;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.core.recipe.ConfigBinder;
import dev.kaizen.core.recipe.SetOverride;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.pf4j.Extension;

/**
 * {@code kaizen bench env NAME [--steps=N] [--set environment.x=v]...}: builds the environment
 * from its default config (timed: the catalog build), then measures steps per second on one thread
 * and on all cores (one thread per core, independent episodes) for two workloads, replaying each
 * task's expert demonstration and taking a uniformly random valid action (seeded), and the heap in
 * use after a garbage collection.
 */
@Extension
public final class EnvironmentBenchmark implements Benchmark {

    private static final int MAX_EPISODE_STEPS = 100;
    private static final int MAX_EXPERT_TASKS = 1000;

    @Override
    public String name() {
        return "env";
    }

    @Override
    public String description() {
        return "environment steps/s (expert replay and random actions, one thread and all cores), build time, heap"
                + " [NAME --steps=20000 --set environment.x=v]";
    }

    @Override
    public Map<String, Object> run(BenchmarkRequest request, ComponentContext context) throws Exception {
        if (!(context instanceof BenchmarkContext host)) {
            throw new IllegalArgumentException("this benchmark runs inside kaizen bench");
        }
        if (request.arguments().size() != 1) {
            throw new IllegalArgumentException("name one environment, e.g. kaizen bench env shop");
        }
        int steps = request.intOption("steps", 20_000);
        if (steps < 100) {
            throw new IllegalArgumentException("--steps must be >= 100, got " + steps);
        }
        ConfigBinder binder = host.configBinder();
        ObjectNode root = binder.json().createObjectNode();
        root.putObject("environment").put("type", request.arguments().get(0));
        List<SetOverride> overrides = new ArrayList<>();
        for (String set : BenchmarkContext.sets(request.option("set", ""))) {
            SetOverride override = SetOverride.parse(set.startsWith("environment.") ? set : "environment." + set,
                    binder.yaml());
            override.applyTo(root);
            overrides.add(new SetOverride(override.text(), override.path().subList(1, override.path().size()),
                    override.value()));
        }
        EnvironmentConfig config = binder.bind(root.get("environment"), EnvironmentConfig.class, "environment", overrides);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("environment", request.arguments().get(0));
        figures.put("config", binder.maskedTree(config));
        long started = System.nanoTime();
        try (Environment environment = context.create(config)) {
            figures.put("buildSeconds", (System.nanoTime() - started) / 1e9);
            List<Task> tasks = new ArrayList<>(environment.tasks(Split.TRAIN));
            tasks.addAll(environment.tasks(Split.SEEN));
            tasks.addAll(environment.tasks(Split.UNSEEN));
            if (tasks.isEmpty()) {
                throw new IllegalArgumentException("environment '" + request.arguments().get(0) + "' has no tasks");
            }
            figures.put("tasks", tasks.size());
            int cores = Runtime.getRuntime().availableProcessors();
            List<List<Action>> expert = expertActions(environment, tasks);
            if (expert.isEmpty()) {
                figures.put("expert", "the environment has no expert demonstrations");
            } else {
                figures.put("expert", workload(environment, tasks, expert, steps, cores));
            }
            figures.put("random", workload(environment, tasks, null, steps, cores));
            figures.put("heapUsedMb", heapUsedMb());
        }
        return figures;
    }

    private static List<List<Action>> expertActions(Environment environment, List<Task> tasks) {
        List<List<Action>> out = new ArrayList<>();
        for (Task task : tasks.subList(0, Math.min(MAX_EXPERT_TASKS, tasks.size()))) {
            Optional<Trajectory> demonstration = environment.demonstration(task);
            if (demonstration.isEmpty()) {
                return List.of();
            }
            out.add(demonstration.get().steps().stream().map(Step::action).toList());
        }
        return out;
    }

    private static Map<String, Object> workload(Environment environment, List<Task> tasks, List<List<Action>> expert,
                                                int steps, int cores) throws Exception {
        drive(environment, tasks, expert, Math.max(100, steps / 5), 0); // warm-up
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("singleThread", measure(environment, tasks, expert, steps, 1));
        out.put("allCores", measure(environment, tasks, expert, steps, cores));
        return out;
    }

    private static Map<String, Object> measure(Environment environment, List<Task> tasks, List<List<Action>> expert,
                                               int steps, int threads) throws Exception {
        long started = System.nanoTime();
        long total = 0;
        long episodes = 0;
        if (threads == 1) {
            long[] counts = drive(environment, tasks, expert, steps, 1);
            total = counts[0];
            episodes = counts[1];
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<long[]>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t + 1;
                    futures.add(pool.submit(() -> drive(environment, tasks, expert, steps, thread)));
                }
                for (Future<long[]> future : futures) {
                    long[] counts = future.get();
                    total += counts[0];
                    episodes += counts[1];
                }
            } finally {
                pool.shutdownNow();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("threads", threads);
        out.put("steps", total);
        out.put("episodes", episodes);
        out.put("seconds", seconds);
        out.put("stepsPerSecond", total / seconds);
        return out;
    }

    /** Runs episodes until {@code steps} steps were taken; returns {steps, episodes}. */
    private static long[] drive(Environment environment, List<Task> tasks, List<List<Action>> expert, int steps,
                                int stream) {
        long taken = 0;
        long episodes = 0;
        int count = expert == null ? tasks.size() : expert.size();
        for (int e = 0; taken < steps; e++) {
            int index = (int) ((e + (long) stream * 7919) % count);
            Task task = tasks.get(index);
            SplittableRandom random = new SplittableRandom(Seeds.derive(Seeds.derive(stream, task.id()), e));
            try (Episode episode = environment.reset(task, random.nextLong())) {
                Observation observation = episode.observation();
                for (int t = 0; t < MAX_EPISODE_STEPS && !observation.done() && taken < steps; t++) {
                    Action action;
                    if (expert != null) {
                        List<Action> actions = expert.get(index);
                        if (t >= actions.size()) {
                            break;
                        }
                        action = actions.get(t);
                    } else {
                        action = randomAction(observation, task, random);
                        if (action == null) {
                            break;
                        }
                    }
                    observation = episode.step(action);
                    taken++;
                }
            }
            episodes++;
        }
        return new long[] {taken, episodes};
    }

    /** A uniformly random valid action: a concrete one, or a template filled with a word of the instruction. */
    static Action randomAction(Observation observation, Task task, SplittableRandom random) {
        int concrete = observation.actions().size();
        int choices = concrete + observation.templates().size();
        if (choices == 0) {
            return null;
        }
        int pick = random.nextInt(choices);
        if (pick < concrete) {
            return observation.actions().get(pick);
        }
        String[] words = task.instruction().split("\\s+");
        String word = words[random.nextInt(words.length)];
        return Action.of(observation.templates().get(pick - concrete).replace("{}", word.isEmpty() ? "x" : word));
    }

    static double heapUsedMb() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024.0);
    }
}
