package dev.kaizen.agentq.bench;

import dev.kaizen.agentq.mcts.MctsSearch;
import dev.kaizen.agentq.mcts.MctsStatistics;
import dev.kaizen.api.ComponentConfig;
import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.bench.Benchmark;
import dev.kaizen.api.bench.BenchmarkRequest;
import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.critic.CriticConfig;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.EnvironmentConfig;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.PolicyConfig;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchAlgorithmConfig;
import dev.kaizen.api.search.SearchProblem;
import dev.kaizen.api.search.SearchResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * {@code kaizen bench search [SEARCH] [--environment=shop] [--policy=djl-scorer]
 * [--critic=policy-critic] [--tasks=50] [--split=train] [--repeats=1] [--set PART.FIELD=VALUE]...}:
 * runs the search (default {@code mcts}) on the first tasks of a split, after one small warm-up
 * search, and reports simulations, nodes and policy contexts per second. {@code --set} keys start
 * with the part they change: {@code search.}, {@code environment.}, {@code policy.} or {@code critic.}.
 */
@Extension
public final class SearchBenchmark implements Benchmark {

    private static final List<String> PARTS = List.of("search", "environment", "policy", "critic");

    @Override
    public String name() {
        return "search";
    }

    @Override
    public String description() {
        return "simulations/s and nodes/s of a search (default mcts) on an environment (default shop)";
    }

    @Override
    public Map<String, Object> run(BenchmarkRequest request, ComponentContext context) {
        if (request.arguments().size() > 1) {
            throw new IllegalArgumentException("give at most one search name, got " + request.arguments());
        }
        String searchType = request.arguments().isEmpty() ? "mcts" : request.arguments().get(0);
        int tasks = positive(request, "tasks", 50);
        int repeats = positive(request, "repeats", 1);
        Split split = Split.of(request.option("split", "train"));
        Map<String, Map<String, Object>> sets = sets(request.option("set", ""));

        EnvironmentConfig environmentConfig = configure(context, EnvironmentConfig.class,
                request.option("environment", "shop"), sets.get("environment"));
        PolicyConfig policyConfig = configure(context, PolicyConfig.class, request.option("policy", "djl-scorer"),
                sets.get("policy"));
        CriticConfig criticConfig = configure(context, CriticConfig.class, request.option("critic", "policy-critic"),
                sets.get("critic"));
        SearchAlgorithmConfig searchConfig = configure(context, SearchAlgorithmConfig.class, searchType,
                sets.get("search"));

        try (Environment environment = context.create(environmentConfig);
             Policy policy = context.create(policyConfig);
             Critic critic = context.create(criticConfig)) {
            List<Task> all = environment.tasks(split);
            if (all.isEmpty()) {
                throw new IllegalArgumentException("the environment has no '" + split + "' tasks; pick another --split");
            }
            List<Task> chosen = all.subList(0, Math.min(tasks, all.size()));
            SearchAlgorithm search = context.create(searchConfig);
            search.search(new SearchProblem(environment, chosen.subList(0, Math.min(2, chosen.size())), policy, critic,
                    context.seed("bench/search/warm-up"), "bench/warm-up"));

            long simulations = 0;
            long nodes = 0;
            long contexts = 0;
            long calls = 0;
            long successes = 0;
            long explored = 0;
            double reward = 0;
            long started = System.nanoTime();
            for (int r = 0; r < repeats; r++) {
                List<SearchResult> results = search.search(new SearchProblem(environment, chosen, policy, critic,
                        context.seed("bench/search/" + r), "bench/search"));
                for (SearchResult result : results) {
                    successes += result.trajectory().success() ? 1 : 0;
                    reward += result.trajectory().reward();
                    explored += result.explored().size();
                }
                if (search instanceof MctsSearch mcts) {
                    MctsStatistics statistics = mcts.lastStatistics();
                    simulations += statistics.simulations();
                    nodes += statistics.nodes();
                    contexts += statistics.policyContexts();
                    calls += statistics.policyCalls();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            int episodes = chosen.size() * repeats;
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("search", searchType);
            figures.put("environment", request.option("environment", "shop"));
            figures.put("policy", request.option("policy", "djl-scorer"));
            figures.put("critic", request.option("critic", "policy-critic"));
            figures.put("split", split.id());
            figures.put("tasks", chosen.size());
            figures.put("repeats", repeats);
            figures.put("seconds", seconds);
            figures.put("episodesPerSecond", episodes / seconds);
            figures.put("exploredTrajectoriesPerSecond", explored / seconds);
            if (search instanceof MctsSearch) {
                figures.put("simulations", simulations);
                figures.put("nodes", nodes);
                figures.put("policyCalls", calls);
                figures.put("policyContexts", contexts);
                figures.put("simulationsPerSecond", simulations / seconds);
                figures.put("nodesPerSecond", nodes / seconds);
                figures.put("policyContextsPerSecond", contexts / seconds);
                figures.put("contextsPerPolicyCall", calls == 0 ? 0.0 : contexts / (double) calls);
            }
            figures.put("successRate", successes / (double) episodes);
            figures.put("meanReward", reward / episodes);
            figures.put("availableProcessors", Runtime.getRuntime().availableProcessors());
            return figures;
        }
    }

    private static int positive(BenchmarkRequest request, String name, int fallback) {
        int value = request.intOption(name, fallback);
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be >= 1, got " + value);
        }
        return value;
    }

    private static <C extends ComponentConfig<?>> C configure(ComponentContext context, Class<C> kind, String type,
                                                              Map<String, Object> overrides) {
        C config = context.config(kind, Map.of("type", type));
        return overrides == null || overrides.isEmpty() ? config : context.override(config, overrides);
    }

    /** {@code PART.FIELD=VALUE} lines, grouped by part. */
    static Map<String, Map<String, Object>> sets(String option) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (option.isBlank()) {
            return out;
        }
        for (String line : option.split("\n")) {
            int equals = line.indexOf('=');
            int dot = line.indexOf('.');
            if (equals < 0 || dot < 0 || dot > equals) {
                throw new IllegalArgumentException("--set '" + line + "' must look like PART.FIELD=VALUE with PART one of "
                        + PARTS);
            }
            String part = line.substring(0, dot);
            if (!PARTS.contains(part)) {
                throw new IllegalArgumentException("--set '" + line + "': unknown part '" + part + "'; allowed: " + PARTS);
            }
            out.computeIfAbsent(part, k -> new LinkedHashMap<>()).put(line.substring(dot + 1, equals),
                    scalar(line.substring(equals + 1).trim()));
        }
        return out;
    }

    /** A command-line value as the number or boolean it spells, else as text. */
    static Object scalar(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        try {
            long whole = Long.parseLong(value);
            return whole == (int) whole ? (Object) (int) whole : (Object) whole;
        } catch (NumberFormatException notWhole) {
            try {
                return Double.valueOf(value);
            } catch (NumberFormatException notNumber) {
                return value;
            }
        }
    }
}
