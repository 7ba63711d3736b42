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
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * {@code --warmup=3} (untimed passes of both kinds first: at least this many, then more until two
 * passes in a row leave the JIT compiler idle, and the timed passes again if the compiler worked for
 * 2% of them or more, for at most {@value #WARMUP_LIMIT_SECONDS} s in all; on 2
 * cores the compiler otherwise takes a core from the timed passes for the first 15–20 s of a run,
 * which slows the batched path, which uses both cores, more than the one-at-a-time path; 0 skips the
 * warm-up), {@code --rounds=5} (timed passes over the contexts, batched and one at a time in turn;
 * the best and the median of each are reported, the speedup from the best),
 * {@code --threads=N} (PyTorch intra-op threads), {@code --checkpoint=DIR} (score with trained
 * weights).
 */
@Extension
public final class PolicyBenchmark implements Benchmark {

    /** The longest warm-up waits for the JIT compiler, in seconds. */
    static final int WARMUP_LIMIT_SECONDS = 60;

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
        int warmup = nonNegative(request, "warmup", 3);
        int rounds = positive(request, "rounds", 5);
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
            CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
            boolean jitTimed = compiler != null && compiler.isCompilationTimeMonitoringSupported();
            long warmupStart = System.nanoTime();
            int warmupPasses = 0;
            int quietPasses = 0;
            while (warmupPasses < warmup || (warmup > 0 && jitTimed && quietPasses < 2
                    && System.nanoTime() - warmupStart < WARMUP_LIMIT_SECONDS * 1_000_000_000L)) {
                long compiling = jitTimed ? compiler.getTotalCompilationTime() : 0;
                long passStart = System.nanoTime();
                decideBatched(policy, contexts, batchSize, greedy);
                decideOneByOne(policy, contexts, greedy);
                long passMillis = (System.nanoTime() - passStart) / 1_000_000;
                // quiet: the compiler worked for under 2% of the pass; two quiet passes in a row end the warm-up
                boolean quiet = jitTimed && (compiler.getTotalCompilationTime() - compiling) * 50 < passMillis;
                quietPasses = quiet ? quietPasses + 1 : 0;
                warmupPasses++;
            }
            double[] batchedRounds = new double[rounds];
            double[] singleRounds = new double[rounds];
            long jitMillis;
            long timedMillis;
            int timings = 0;
            double warmupSeconds;
            do {
                // timed passes during which the compiler was busy count as more warm-up, and are timed again
                warmupSeconds = Math.round((System.nanoTime() - warmupStart) / 1e8) / 10.0;
                long compilingBefore = jitTimed ? compiler.getTotalCompilationTime() : 0;
                long timedStart = System.nanoTime();
                for (int round = 0; round < rounds; round++) {
                    batchedRounds[round] = decideBatched(policy, contexts, batchSize, greedy);
                    singleRounds[round] = decideOneByOne(policy, contexts, greedy);
                }
                timedMillis = (System.nanoTime() - timedStart) / 1_000_000;
                jitMillis = jitTimed ? compiler.getTotalCompilationTime() - compilingBefore : -1;
                timings++;
            } while (warmup > 0 && jitTimed && jitMillis * 50 >= timedMillis
                    && System.nanoTime() - warmupStart < WARMUP_LIMIT_SECONDS * 1_000_000_000L);
            double batched = Arrays.stream(batchedRounds).max().orElseThrow();
            double single = Arrays.stream(singleRounds).max().orElseThrow();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("environment", environmentType);
            out.put("contexts", contexts.size());
            out.put("batchSize", batchSize);
            out.put("warmupPasses", warmupPasses);
            out.put("warmupSeconds", warmupSeconds);
            out.put("timings", timings);
            out.put("jitSettled", jitTimed && jitMillis * 50 < timedMillis);
            out.put("jitMillisWhileTimed", jitMillis);
            out.put("rounds", rounds);
            out.put("decisionsPerSecondBatched", Math.round(batched * 10) / 10.0);
            out.put("decisionsPerSecondOneByOne", Math.round(single * 10) / 10.0);
            out.put("speedup", Math.round(batched / single * 100) / 100.0);
            out.put("medianBatched", Math.round(median(batchedRounds) * 10) / 10.0);
            out.put("medianOneByOne", Math.round(median(singleRounds) * 10) / 10.0);
            out.put("medianSpeedup", Math.round(median(batchedRounds) / median(singleRounds) * 100) / 100.0);
            out.put("availableProcessors", Runtime.getRuntime().availableProcessors());
            out.put("loadAverage", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            out.put("targets", Map.of("batchedAtLeast2000", batched >= 2000, "speedupAtLeast5", batched >= 5 * single));
            return out;
        }
    }

    private static int nonNegative(BenchmarkRequest request, String name, int fallback) {
        int value = request.intOption(name, fallback);
        if (value < 0) {
            throw new IllegalArgumentException("--" + name + " must be >= 0, got " + value);
        }
        return value;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
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
