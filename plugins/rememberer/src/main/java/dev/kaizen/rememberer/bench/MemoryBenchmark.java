package dev.kaizen.rememberer.bench;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.bench.Benchmark;
import dev.kaizen.api.bench.BenchmarkRequest;
import dev.kaizen.api.env.ObservationSimilarity;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.rememberer.memory.LuceneMemory;
import dev.kaizen.rememberer.memory.LuceneMemoryConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code kaizen bench memory [--records=100000] [--queries=2000] [--limit=2] [--candidates=64]
 * [--similarity=page|text] [--path=DIR] [--seed=7]}: fills a {@code lucene} memory with synthetic
 * store episodes (five records each) through {@code update}, then times single-context
 * {@code retrieve} calls for contexts of unseen tasks on every page type, and batched calls of 32.
 * Reports insertion throughput, retrieval latency percentiles in microseconds (wall clock, and the
 * calling thread's CPU time, which other processes on a busy machine disturb less), the number of
 * index segments and heap in use.
 */
@Extension
public final class MemoryBenchmark implements Benchmark {

    private static final Set<String> OPTIONS = Set.of("records", "queries", "limit", "candidates", "similarity",
            "path", "seed", "batch");

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String description() {
        return "experience memory: insertion throughput and retrieval latency p50/p99 at --records (default 100000)";
    }

    @Override
    public Map<String, Object> run(BenchmarkRequest request, ComponentContext context) throws Exception {
        for (String option : request.options().keySet()) {
            if (!OPTIONS.contains(option)) {
                throw new IllegalArgumentException("unknown option --" + option + "; allowed: " + OPTIONS.stream().sorted()
                        .map(o -> "--" + o).toList());
            }
        }
        if (!request.arguments().isEmpty()) {
            throw new IllegalArgumentException("bench memory takes no arguments, got " + request.arguments());
        }
        int records = positive(request, "records", 100_000);
        int queries = positive(request, "queries", 2_000);
        int limit = positive(request, "limit", 2);
        int candidates = positive(request, "candidates", 64);
        int batch = positive(request, "batch", 32);
        long seed = request.intOption("seed", 7);
        String similarityName = request.option("similarity", "page");
        ObservationSimilarity similarity = switch (similarityName) {
            case "page" -> SyntheticExperience.pageTypes();
            case "text" -> ObservationSimilarity.textOverlap();
            default -> throw new IllegalArgumentException("--similarity must be page or text, got '" + similarityName + "'");
        };
        String path = request.option("path", null);
        if (path != null && Files.exists(Path.of(path))) {
            try (var files = Files.list(Path.of(path))) {
                if (files.findAny().isPresent()) {
                    throw new IllegalArgumentException("--path " + path + " must be a new or empty directory");
                }
            }
        }
        SyntheticExperience experience = new SyntheticExperience(seed);
        int episodes = (records + 4) / 5;
        LuceneMemoryConfig config = new LuceneMemoryConfig(path, episodes * 5, null, null, null, null, null, null,
                candidates);
        Map<String, Object> out = new LinkedHashMap<>();
        try (LuceneMemory memory = new LuceneMemory(config, MetricsSink.DISCARD)) {
            long start = System.nanoTime();
            int chunk = 1_000;
            for (int from = 0; from < episodes; from += chunk) {
                List<Trajectory> trajectories = new ArrayList<>(chunk);
                for (int i = from; i < Math.min(episodes, from + chunk); i++) {
                    trajectories.add(experience.episode(i));
                }
                memory.update(trajectories);
            }
            double insertSeconds = (System.nanoTime() - start) / 1e9;

            List<AgentContext> contexts = new ArrayList<>(queries);
            for (int q = 0; q < queries; q++) {
                contexts.add(experience.context(episodes + 1_000_000L + q, q % 5));
            }
            int warmup = Math.min(queries, 500);
            for (int q = 0; q < warmup; q++) {
                memory.retrieve(List.of(contexts.get(q)), limit, similarity);
            }
            long[] nanos = new long[queries];
            long[] cpuNanos = new long[queries];
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            boolean cpu = threads.isCurrentThreadCpuTimeSupported();
            long advised = 0;
            for (int q = 0; q < queries; q++) {
                long c0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
                long t0 = System.nanoTime();
                advised += memory.retrieve(List.of(contexts.get(q)), limit, similarity).get(0).size();
                nanos[q] = System.nanoTime() - t0;
                cpuNanos[q] = cpu ? threads.getCurrentThreadCpuTime() - c0 : 0;
            }
            long batchStart = System.nanoTime();
            int batched = 0;
            for (int from = 0; from + batch <= queries; from += batch) {
                memory.retrieve(contexts.subList(from, from + batch), limit, similarity);
                batched += batch;
            }
            double batchMicros = batched == 0 ? 0 : (System.nanoTime() - batchStart) / 1e3 / batched;

            Arrays.sort(nanos);
            Arrays.sort(cpuNanos);
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            out.put("records", memory.size());
            out.put("storage", path == null ? "ram" : path);
            out.put("similarity", similarityName);
            out.put("candidates", candidates);
            out.put("limit", limit);
            out.put("insertSeconds", round(insertSeconds));
            out.put("insertRecordsPerSecond", round(memory.size() / insertSeconds));
            out.put("queries", queries);
            out.put("meanAdvicePerQuery", round(advised / (double) queries));
            Map<String, Object> latency = new LinkedHashMap<>();
            latency.put("p50", round(percentile(nanos, 0.50) / 1e3));
            latency.put("p90", round(percentile(nanos, 0.90) / 1e3));
            latency.put("p99", round(percentile(nanos, 0.99) / 1e3));
            latency.put("max", round(nanos[nanos.length - 1] / 1e3));
            latency.put("mean", round(Arrays.stream(nanos).average().orElse(0) / 1e3));
            out.put("retrievalMicros", latency);
            if (cpu) {
                Map<String, Object> cpuLatency = new LinkedHashMap<>();
                cpuLatency.put("p50", round(percentile(cpuNanos, 0.50) / 1e3));
                cpuLatency.put("p99", round(percentile(cpuNanos, 0.99) / 1e3));
                out.put("retrievalCpuMicros", cpuLatency);
            }
            out.put("segments", memory.segments());
            out.put("batch", batch);
            out.put("batchedMicrosPerContext", round(batchMicros));
            out.put("heapMegabytes", round((runtime.totalMemory() - runtime.freeMemory()) / 1048576.0));
            out.put("availableProcessors", runtime.availableProcessors());
        }
        return out;
    }

    private static int positive(BenchmarkRequest request, String name, int fallback) {
        int value = request.intOption(name, fallback);
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be >= 1, got " + value);
        }
        return value;
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
