package dev.kaizen.sweep.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaizen.api.Checkpointable;
import dev.kaizen.api.ComponentConfig;
import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.bench.Benchmark;
import dev.kaizen.api.bench.BenchmarkRequest;
import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.critic.CriticConfig;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchAlgorithmConfig;
import dev.kaizen.api.search.SearchProblem;
import dev.kaizen.api.search.SearchResult;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.core.backend.Distribution;
import dev.kaizen.core.backend.WorkOutcome;
import dev.kaizen.core.bench.BenchmarkContext;
import dev.kaizen.core.recipe.ConfigBinder;
import dev.kaizen.core.recipe.Recipe;
import dev.kaizen.core.recipe.RolloutSettings;
import dev.kaizen.core.rollout.ProgressDisplay;
import dev.kaizen.core.rollout.RolloutEngine;
import dev.kaizen.core.run.HostComponentContext;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * {@code kaizen bench distributed RECIPE [--episodes=5000] [--tasks=400] [--master=local[K]]
 * [--partitions=N] [--rounds=3] [--policy=DIR] [--demonstrations=200]}: a recipe's evaluation (its
 * {@code evaluation.search} on N episodes of the training tasks, cycled) and its method's search
 * ({@code method.search} with {@code method.critic}, e.g. AgentQ's MCTS, on the first training tasks),
 * each run by the local engine and by the spark backend on the same machine, alternately (which goes
 * first changes every round), after an untimed round of both. The policy is a checkpoint
 * ({@code --policy}) or behaviour cloning on the expert's first demonstrations, as the shipped
 * recipes warm up. Reports wall and CPU seconds per round, the
 * backend's overhead over local (median rounds), the cost per episode and per searched task, the bytes
 * that travel per task, the driver's encoding and decoding time, and whether both gave the same results.
 */
@Extension
public final class DistributedBenchmark implements Benchmark {

    private static final int MAX_ROUNDS = 20;

    @Override
    public String name() {
        return "distributed";
    }

    @Override
    public String description() {
        return "a recipe's evaluation and method search on the spark backend against the local engine, same cores"
                + " [RECIPE --episodes=5000 --tasks=400 --master=local[K] --partitions=N --rounds=3 --policy=DIR]";
    }

    @Override
    public Map<String, Object> run(BenchmarkRequest request, ComponentContext context) throws Exception {
        if (!(context instanceof BenchmarkContext host)) {
            throw new IllegalArgumentException("this benchmark runs inside kaizen bench");
        }
        if (request.arguments().size() != 1) {
            throw new IllegalArgumentException("name one recipe, e.g. kaizen bench distributed agentq-shop");
        }
        int episodes = positive(request, "episodes", 5000);
        int searchTasks = request.intOption("tasks", 400);
        if (searchTasks < 0) {
            throw new IllegalArgumentException("--tasks must be >= 0 (0 skips the search), got " + searchTasks);
        }
        int rounds = request.intOption("rounds", 3);
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new IllegalArgumentException("--rounds must be between 1 and " + MAX_ROUNDS + ", got " + rounds);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        String master = request.option("master", "local[" + cores + "]");
        Integer partitions = request.options().containsKey("partitions") ? positive(request, "partitions", 1) : null;
        Recipe recipe = host.recipe(request.arguments().get(0), BenchmarkContext.sets(request.option("set", "")));
        ConfigBinder binder = host.configBinder();
        RolloutSettings local = recipe.rollout().locally();
        RolloutSettings spark = new RolloutSettings(local.batchSize(), local.threads(), local.maxSteps(), local.mode(),
                local.gatherMillis(), "spark", master, partitions, null);
        SearchAlgorithmConfig searchConfig = searchTasks == 0 ? null : methodPart(binder, recipe, "search",
                SearchAlgorithmConfig.class);
        CriticConfig criticConfig = methodPart(binder, recipe, "critic", CriticConfig.class);
        if (criticConfig == null) {
            criticConfig = recipe.evaluation().critic();
        }
        BackendRequests requests = new BackendRequests();
        try (RolloutEngine engine = new RolloutEngine(local, ProgressDisplay.none(), (event, fields) -> { })) {
            HostComponentContext parts = new HostComponentContext(recipe.seed(), null, (event, fields) -> { },
                    ProgressDisplay.none(), binder, engine);
            try (Environment environment = parts.create(recipe.environment());
                 Policy policy = parts.create(recipe.policy());
                 Critic critic = parts.create(criticConfig)) {
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("recipe", recipe.name());
                figures.put("master", master);
                figures.put("cores", cores);
                figures.put("loadAverageBefore", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                figures.put("warmup", warmUp(request, parts, environment, policy));
                List<Task> train = environment.tasks(Split.TRAIN);
                List<Task> evaluated = new ArrayList<>(episodes);
                for (int i = 0; i < episodes; i++) {
                    evaluated.add(train.get(i % train.size()));
                }
                List<Task> searched = train.subList(0, Math.min(searchTasks, train.size()));
                long started = System.nanoTime();
                try (Distribution distribution = Distribution.open(spark, binder, recipe.seed(), requests,
                        ProgressDisplay.none())) {
                    figures.put("sparkStartSeconds", (System.nanoTime() - started) / 1e9);
                    figures.putAll(distribution.description());
                    figures.put("partitions", partitions == null ? "slots" : partitions);
                    distribution.record(environment, recipe.environment());
                    distribution.record(policy, recipe.policy());
                    distribution.record(critic, criticConfig);
                    Comparison evaluation = new Comparison(parts.create(recipe.evaluation().search()),
                            recipe.evaluation().search(), distribution, requests);
                    Problem evaluate = new Problem(environment, evaluated, policy, critic,
                            parts.seed("bench/evaluation"), "bench/evaluation");
                    figures.put("evaluation", evaluation.measure(evaluate, rounds, "episode"));
                    if (searchConfig != null) {
                        Comparison search = new Comparison(parts.create(searchConfig), searchConfig, distribution,
                                requests);
                        Problem problem = new Problem(environment, searched, policy, critic, parts.seed("bench/search"),
                                "bench/search");
                        figures.put("search", search.measure(problem, rounds, "task"));
                    }
                }
                figures.put("loadAverageAfter", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                return figures;
            }
        }
    }

    /** The policy's starting point: a checkpoint, or behaviour cloning on the expert's first demonstrations. */
    private static Map<String, Object> warmUp(BenchmarkRequest request, HostComponentContext parts,
                                              Environment environment, Policy policy) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        String checkpoint = request.option("policy", null);
        if (checkpoint != null) {
            Path directory = Path.of(checkpoint);
            if (!(policy instanceof Checkpointable checkpointable) || !Files.isDirectory(directory)) {
                throw new IllegalArgumentException("--policy must be a checkpoint directory of a policy that loads"
                        + " checkpoints, got " + directory.toAbsolutePath());
            }
            checkpointable.load(directory);
            figures.put("policy", directory.toString());
            return figures;
        }
        int count = request.intOption("demonstrations", 200);
        List<Trajectory> demonstrations = new ArrayList<>();
        for (Task task : environment.tasks(Split.TRAIN).subList(0, Math.min(count,
                environment.tasks(Split.TRAIN).size()))) {
            environment.demonstration(task).ifPresent(demonstrations::add);
        }
        if (!demonstrations.isEmpty()) {
            OptimizerConfig bc = parts.config(OptimizerConfig.class, Map.of("type", "bc", "learningRate", 0.003,
                    "epochs", 8, "batchSize", 32));
            try (Optimizer optimizer = parts.create(bc)) {
                optimizer.train(policy, TrainingBatch.ofTrajectories(demonstrations, parts.seed("bc/train"), "bc"));
            }
        }
        figures.put("demonstrations", demonstrations.size());
        return figures;
    }

    /** A part of the recipe's method ({@code method.search}, {@code method.critic}), or null if it names none. */
    private static <C extends ComponentConfig<?>> C methodPart(ConfigBinder binder, Recipe recipe, String field,
                                                             Class<C> kind) {
        JsonNode node = binder.tree(recipe.method()).path(field);
        return node.isObject() ? binder.bind(node, kind, "method." + field) : null;
    }

    private static int positive(BenchmarkRequest request, String name, int fallback) {
        int value = request.intOption(name, fallback);
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be >= 1, got " + value);
        }
        return value;
    }

    /** A search problem's parts. */
    record Problem(Environment environment, List<Task> tasks, Policy policy, Critic critic, long seed, String label) {

        SearchProblem of(List<Task> some) {
            return new SearchProblem(environment, some, policy, critic, seed, label);
        }
    }

    /** The same search, local and on the backend. */
    private static final class Comparison {
        private final SearchAlgorithm local;
        private final SearchAlgorithm remote;
        private final BackendRequests requests;

        Comparison(SearchAlgorithm local, SearchAlgorithmConfig config, Distribution distribution,
                   BackendRequests requests) {
            this.local = local;
            this.remote = distribution.search(local, config);
            this.requests = requests;
        }

        /** An untimed round of each, then {@code rounds} timed ones, local first in even rounds, last in odd ones. */
        Map<String, Object> measure(Problem problem, int rounds, String unit) {
            local.search(problem.of(problem.tasks()));
            remote.search(problem.of(problem.tasks()));
            requests.clear();
            List<Double> localSeconds = new ArrayList<>();
            List<Double> sparkSeconds = new ArrayList<>();
            List<Double> localCpu = new ArrayList<>();
            List<Double> sparkCpu = new ArrayList<>();
            boolean same = true;
            List<SearchResult> last = List.of();
            for (int round = 0; round < rounds; round++) {
                List<SearchResult> expected;
                List<SearchResult> actual;
                if (round % 2 == 0) {
                    expected = timed(() -> local.search(problem.of(problem.tasks())), localSeconds, localCpu);
                    actual = timed(() -> remote.search(problem.of(problem.tasks())), sparkSeconds, sparkCpu);
                } else {
                    actual = timed(() -> remote.search(problem.of(problem.tasks())), sparkSeconds, sparkCpu);
                    expected = timed(() -> local.search(problem.of(problem.tasks())), localSeconds, localCpu);
                }
                same &= expected.equals(actual);
                last = actual;
            }
            int n = problem.tasks().size();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put(unit + "s", n);
            figures.put("rounds", rounds);
            figures.put("localSeconds", localSeconds);
            figures.put("sparkSeconds", sparkSeconds);
            figures.put("overhead", median(sparkSeconds) / median(localSeconds) - 1);
            figures.put("localSecondsPer" + capitalised(unit), median(localSeconds) / n);
            figures.put("sparkSecondsPer" + capitalised(unit), median(sparkSeconds) / n);
            figures.put("localCpuSecondsPer" + capitalised(unit), median(localCpu) / n);
            figures.put("sparkCpuSecondsPer" + capitalised(unit), median(sparkCpu) / n);
            figures.putAll(requests.perTask(n, rounds));
            figures.putAll(codec(last, n));
            figures.put("sameResults", same);
            return figures;
        }

        /**
         * What the results cost to send from executors in other JVMs, which an in-process master's
         * executors hand over instead: their bytes as one piece, and the time to encode and to decode
         * them (the fastest of three tries, the code being warm by then).
         */
        private static Map<String, Object> codec(List<SearchResult> results, int n) {
            WorkOutcome outcome = new WorkOutcome(List.of(), results, new WorkOutcome.Totals(0, 0, 0), List.of(),
                    List.of(), null);
            long encode = Long.MAX_VALUE;
            long decode = Long.MAX_VALUE;
            byte[] bytes = new byte[0];
            for (int attempt = 0; attempt < 3; attempt++) {
                long started = System.nanoTime();
                bytes = outcome.encode();
                long encoded = System.nanoTime();
                WorkOutcome.decode(bytes);
                encode = Math.min(encode, encoded - started);
                decode = Math.min(decode, System.nanoTime() - encoded);
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("encodedBytesPerTask", bytes.length / (double) n);
            figures.put("encodeSecondsPerTask", encode / 1e9 / n);
            figures.put("decodeSecondsPerTask", decode / 1e9 / n);
            return figures;
        }

        private static List<SearchResult> timed(java.util.function.Supplier<List<SearchResult>> search,
                                                List<Double> seconds, List<Double> cpu) {
            long cpuBefore = processCpuNanos();
            long started = System.nanoTime();
            List<SearchResult> results = search.get();
            seconds.add((System.nanoTime() - started) / 1e9);
            cpu.add((processCpuNanos() - cpuBefore) / 1e9);
            return results;
        }
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** This JVM's CPU time so far (an in-process master's executors included), or 0 where it is not known. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
