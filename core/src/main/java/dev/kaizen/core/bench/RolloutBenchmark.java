package dev.kaizen.core.bench;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.bench.Benchmark;
import dev.kaizen.api.bench.BenchmarkRequest;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.core.recipe.Recipe;
import dev.kaizen.core.rollout.ProgressDisplay;
import dev.kaizen.core.rollout.RolloutEngine;
import dev.kaizen.core.rollout.RolloutStatistics;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * {@code kaizen bench rollout RECIPE [--episodes=N] [--rounds=R] [--temperature=T] [--set PATH=VALUE]...}:
 * runs the rollout engine with the recipe's environment, policy (untrained, as built) and rollout
 * settings on the first N training tasks (N episodes at once), after a warm-up, R times over, and
 * reports steps, decisions and episodes per second over all rounds (and each round's steps per
 * second), the mean batch per {@code decide} call, and the CPU time this JVM spent per step
 * (engine, environment and policy together; servers the parts talk to are not counted).
 */
@Extension
public final class RolloutBenchmark implements Benchmark {

    private static final int MAX_ROUNDS = 100;

    @Override
    public String name() {
        return "rollout";
    }

    @Override
    public String description() {
        return "rollout engine steps/s, decisions/s and episodes/s with a recipe's environment and policy"
                + " [RECIPE --episodes=256 --rounds=1 --temperature=0 --set PATH=VALUE]";
    }

    /** This JVM's CPU time so far, or -1 where the platform does not say. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    @Override
    public Map<String, Object> run(BenchmarkRequest request, ComponentContext context) {
        if (!(context instanceof BenchmarkContext host)) {
            throw new IllegalArgumentException("this benchmark runs inside kaizen bench");
        }
        if (request.arguments().size() != 1) {
            throw new IllegalArgumentException("name one recipe, e.g. kaizen bench rollout bc-shop");
        }
        int episodes = request.intOption("episodes", 256);
        if (episodes < 1) {
            throw new IllegalArgumentException("--episodes must be >= 1, got " + episodes);
        }
        int rounds = request.intOption("rounds", 1);
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new IllegalArgumentException("--rounds must be between 1 and " + MAX_ROUNDS + ", got " + rounds);
        }
        double temperature;
        try {
            temperature = Double.parseDouble(request.option("temperature", "0"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--temperature must be a number, got '" + request.option("temperature", "")
                    + "'");
        }
        Recipe recipe = host.recipe(request.arguments().get(0), BenchmarkContext.sets(request.option("set", "")));
        try (Environment environment = context.create(recipe.environment());
             Policy policy = context.create(recipe.policy());
             RolloutEngine engine = new RolloutEngine(recipe.rollout(), ProgressDisplay.none(), MetricsSink.DISCARD)) {
            List<Task> train = environment.tasks(Split.TRAIN);
            if (train.isEmpty()) {
                throw new IllegalArgumentException("the recipe's environment has no training tasks");
            }
            List<Task> tasks = new ArrayList<>(episodes);
            for (int i = 0; i < episodes; i++) {
                tasks.add(train.get(i % train.size()));
            }
            Sampling sampling = new Sampling(1, temperature, context.seed("bench/rollout"));
            engine.runWithStatistics(new RolloutRequest(environment, tasks.subList(0, Math.min(32, episodes)), policy,
                    sampling, "warm-up"));
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long cpuBefore = processCpuNanos();
            long steps = 0;
            long decisions = 0;
            long decideCalls = 0;
            long errors = 0;
            long successes = 0;
            double seconds = 0;
            List<Double> roundRates = new ArrayList<>(rounds);
            for (int round = 0; round < rounds; round++) {
                RolloutEngine.Result result = engine.runWithStatistics(new RolloutRequest(environment, tasks, policy,
                        sampling, "bench"));
                RolloutStatistics statistics = result.statistics();
                steps += statistics.steps();
                decisions += statistics.decisions();
                decideCalls += statistics.decideCalls();
                errors += statistics.errors();
                seconds += statistics.seconds();
                successes += result.trajectories().stream().filter(Trajectory::success).count();
                roundRates.add(statistics.steps() / statistics.seconds());
            }
            long cpuNanos = processCpuNanos() - cpuBefore;
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("recipe", recipe.name());
            figures.put("episodes", episodes);
            figures.put("rounds", rounds);
            figures.put("mode", recipe.rollout().mode().id());
            figures.put("batchSize", recipe.rollout().batchSize());
            figures.put("threads", recipe.rollout().threads());
            figures.put("gatherMillis", recipe.rollout().gatherMillis());
            figures.put("cores", Runtime.getRuntime().availableProcessors());
            figures.put("steps", steps);
            figures.put("decisions", decisions);
            figures.put("decideCalls", decideCalls);
            figures.put("meanBatch", decideCalls == 0 ? 0.0 : decisions / (double) decideCalls);
            figures.put("errors", errors);
            figures.put("seconds", seconds);
            figures.put("stepsPerSecond", steps / seconds);
            if (rounds > 1) {
                figures.put("roundStepsPerSecond", roundRates);
            }
            figures.put("decisionsPerSecond", decisions / seconds);
            figures.put("episodesPerSecond", (long) episodes * rounds / seconds);
            if (cpuBefore >= 0 && cpuNanos >= 0) {
                // the whole JVM: engine, environment and policy clients, JIT and GC; not the servers
                figures.put("processCpuSeconds", cpuNanos / 1e9);
                figures.put("processCpuMillisPerStep", steps == 0 ? 0.0 : cpuNanos / 1e6 / steps);
            }
            figures.put("loadAverageBefore", loadBefore);
            figures.put("successRate", successes / ((double) episodes * rounds));
            return figures;
        }
    }
}
