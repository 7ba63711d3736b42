package dev.kaizen.djl.bench;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.bench.Benchmark;
import dev.kaizen.api.bench.BenchmarkRequest;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.EnvironmentConfig;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.PolicyConfig;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.djl.policy.DjlScorerFactory;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * {@code kaizen bench policy}: how many decisions per second {@code djl-scorer} makes on realistic
 * store contexts (every step of the expert's demonstrations of training tasks: search, results and
 * item pages), batched ({@code --batch}, default 64) and one context at a time. Options:
 * {@code --environment=shop}, {@code --tasks=200} (demonstrations to take contexts from),
 * {@code --rounds=3} (timed passes over the contexts; the best is reported), {@code --threads=N}
 * (PyTorch intra-op threads), {@code --checkpoint=DIR} (score with trained weights).
 */
@Extension
public final class PolicyBenchmark implements Benchmark {

    @Override
    public String name() {
        return "policy";
    }

    @Override
    public String description() {
        return "djl-scorer decisions/s on store contexts, batched (--batch=64) vs one at a time";
    }

    @Override
    public Map<String, Object> run(BenchmarkRequest request, ComponentContext context) throws Exception {
        String environmentType = request.option("environment", "shop");
        int batchSize = positive(request, "batch", 64);
        int taskCount = positive(request, "tasks", 200);
        int rounds = positive(request, "rounds", 3);
        EnvironmentConfig environmentConfig;
        try {
            environmentConfig = context.config(EnvironmentConfig.class, Map.of("type", environmentType));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the policy benchmark runs on the store's contexts, so it needs the "
                    + "plugin that provides environment '" + environmentType + "' (install the shop plugin, or pass "
                    + "--environment=NAME of an environment with expert demonstrations): " + e.getMessage(), e);
        }
        Map<String, Object> policyFields = new LinkedHashMap<>();
        policyFields.put("type", new DjlScorerFactory().name());
        if (request.options().containsKey("threads")) {
            policyFields.put("threads", positive(request, "threads", 1));
        }
        List<AgentContext> contexts = new ArrayList<>();
        try (Environment environment = context.create(environmentConfig)) {
            List<Task> tasks = environment.tasks(Split.TRAIN);
            for (Task task : tasks.subList(0, Math.min(taskCount, tasks.size()))) {
                Optional<Trajectory> demonstration = environment.demonstration(task);
                if (demonstration.isPresent()) {
                    for (int t = 0; t < demonstration.get().length(); t++) {
                        contexts.add(demonstration.get().contextAt(t));
                    }
                }
            }
        }
        if (contexts.isEmpty()) {
            throw new IllegalArgumentException("environment '" + environmentType + "' gave no expert demonstrations "
                    + "to take contexts from; use an environment with an expert");
        }
        try (Policy policy = context.create(context.config(PolicyConfig.class, policyFields))) {
            String checkpoint = request.option("checkpoint", null);
            if (checkpoint != null) {
                ((dev.kaizen.api.Checkpointable) policy).load(Path.of(checkpoint));
            }
            Sampling greedy = Sampling.greedy();
            // warm-up: one batched and one unbatched pass over a slice
            decideBatched(policy, contexts.subList(0, Math.min(contexts.size(), 4 * batchSize)), batchSize, greedy);
            decideOneByOne(policy, contexts.subList(0, Math.min(contexts.size(), batchSize)), greedy);
            double batched = 0;
            double single = 0;
            for (int round = 0; round < rounds; round++) {
                batched = Math.max(batched, decideBatched(policy, contexts, batchSize, greedy));
                single = Math.max(single, decideOneByOne(policy, contexts, greedy));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("environment", environmentType);
            out.put("contexts", contexts.size());
            out.put("batchSize", batchSize);
            out.put("rounds", rounds);
            out.put("decisionsPerSecondBatched", Math.round(batched * 10) / 10.0);
            out.put("decisionsPerSecondOneByOne", Math.round(single * 10) / 10.0);
            out.put("speedup", Math.round(batched / single * 100) / 100.0);
            out.put("availableProcessors", Runtime.getRuntime().availableProcessors());
            out.put("loadAverage", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            out.put("targets", Map.of("batchedAtLeast2000", batched >= 2000, "speedupAtLeast5", batched >= 5 * single));
            return out;
        }
    }

    private static int positive(BenchmarkRequest request, String name, int fallback) {
        int value = request.intOption(name, fallback);
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be >= 1, got " + value);
        }
        return value;
    }

    private static double decideBatched(Policy policy, List<AgentContext> contexts, int batchSize, Sampling sampling) {
        long start = System.nanoTime();
        for (int from = 0; from < contexts.size(); from += batchSize) {
            policy.decide(contexts.subList(from, Math.min(contexts.size(), from + batchSize)), sampling);
        }
        return contexts.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double decideOneByOne(Policy policy, List<AgentContext> contexts, Sampling sampling) {
        long start = System.nanoTime();
        for (AgentContext context : contexts) {
            policy.decide(List.of(context), sampling);
        }
        return contexts.size() / ((System.nanoTime() - start) / 1e9);
    }
}
