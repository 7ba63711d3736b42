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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * {@code kaizen bench rollout RECIPE [--episodes=N] [--temperature=T] [--set PATH=VALUE]...}: runs
 * the rollout engine with the recipe's environment, policy (untrained, as built) and rollout
 * settings on the first N training tasks, after a warm-up, and reports steps, decisions and
 * episodes per second.
 */
@Extension
public final class RolloutBenchmark implements Benchmark {

    @Override
    public String name() {
        return "rollout";
    }

    @Override
    public String description() {
        return "rollout engine steps/s, decisions/s and episodes/s with a recipe's environment and policy"
                + " [RECIPE --episodes=256 --temperature=0 --set PATH=VALUE]";
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
            RolloutEngine.Result result = engine.runWithStatistics(new RolloutRequest(environment, tasks, policy,
                    sampling, "bench"));
            RolloutStatistics statistics = result.statistics();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("recipe", recipe.name());
            figures.put("episodes", statistics.episodes());
            figures.put("mode", recipe.rollout().mode().id());
            figures.put("batchSize", recipe.rollout().batchSize());
            figures.put("threads", recipe.rollout().threads());
            figures.put("gatherMillis", recipe.rollout().gatherMillis());
            figures.put("cores", Runtime.getRuntime().availableProcessors());
            figures.put("steps", statistics.steps());
            figures.put("decisions", statistics.decisions());
            figures.put("decideCalls", statistics.decideCalls());
            figures.put("meanBatch", statistics.decideCalls() == 0 ? 0.0
                    : statistics.decisions() / (double) statistics.decideCalls());
            figures.put("errors", statistics.errors());
            figures.put("seconds", statistics.seconds());
            figures.put("stepsPerSecond", statistics.steps() / statistics.seconds());
            figures.put("decisionsPerSecond", statistics.decisions() / statistics.seconds());
            figures.put("episodesPerSecond", statistics.episodes() / statistics.seconds());
            figures.put("successRate", result.trajectories().stream().filter(Trajectory::success).count()
                    / (double) statistics.episodes());
            return figures;
        }
    }
}
