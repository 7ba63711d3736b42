package dev.kaizen.shop;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.testing.SimpleRollouts;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.shop.baseline.FirstResultPolicy;
import dev.kaizen.shop.baseline.MatcherPolicy;
import dev.kaizen.shop.baseline.RandomPolicy;
import dev.kaizen.shop.catalog.Catalog;
import dev.kaizen.shop.catalog.CatalogGenerator;
import dev.kaizen.shop.catalog.CatalogSettings;
import dev.kaizen.shop.catalog.Vocabulary;
import dev.kaizen.shop.search.ProductIndex;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the store with its default config: build times (cold, in this fresh JVM, then warm),
 * steps per second for the expert and a random workload on one thread and on all cores, heap in
 * use, and the success rates of the expert and the baselines on every split.
 *
 * <p>Run from {@code plugins/shop} after {@code mvn test-compile}:
 * {@code java -Xmx300m -cp target/classes:target/test-classes:CLASSPATH dev.kaizen.shop.ShopMeasurements [rates]}.
 * Prints one line per figure.
 */
public final class ShopMeasurements {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ShopMeasurements() {
    }

    public static void main(String[] args) throws Exception {
        ShopConfig config = new ShopConfig();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 0; round < 2; round++) {
            long wall = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            long processCpu = os.getProcessCpuTime();
            Catalog catalog = CatalogGenerator.generate(Vocabulary.standard(), new CatalogSettings(config.seed(),
                    config.products(), config.categories(), config.distractors(), config.maxGoalAttributes(),
                    config.titleAttributeShare(), config.budgetMargin(), config.priceGap()));
            try (ProductIndex index = new ProductIndex(catalog)) {
                print("catalog+index build (%s): %.3f s wall, %.3f s cpu (this thread), %.3f s cpu (whole process,"
                        + " JIT and GC included), %d products", round == 0 ? "cold" : "warm",
                        (System.nanoTime() - wall) / 1e9, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9,
                        (os.getProcessCpuTime() - processCpu) / 1e9, catalog.products().size());
            }
        }
        long wall = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        ShopEnvironment environment = new ShopEnvironment(config);
        print("environment build (catalog, index, %d tasks): %.3f s wall, %.3f s cpu (this thread), %d goals rejected",
                config.train() + config.seen() + config.unseen(), (System.nanoTime() - wall) / 1e9,
                (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9, environment.rejectedGoals());
        ShopEnvironment.BuildTimes phases = environment.buildTimes();
        print("  phases (wall): catalog %.3f s, index %.3f s, goals %.3f s", phases.catalog(), phases.index(),
                phases.goals());

        List<Task> tasks = new ArrayList<>();
        for (Split split : Split.values()) {
            tasks.addAll(environment.tasks(split));
        }
        List<List<Action>> plans = new ArrayList<>();
        for (Task task : tasks) {
            plans.add(environment.expert().plan(environment.goalOf(task)));
        }
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        print("heap used after GC with the store loaded: %.1f MB (max heap %.0f MB)", heap / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);

        for (int round = 0; round < 3; round++) {
            print("expert workload, 1 thread, round %d (search results cached): %s", round + 1,
                    expertSteps(environment, tasks, plans, 0, 1));
        }
        environment.storefront().index().clearCache();
        print("expert workload, 1 thread, every search uncached: %s", expertSteps(environment, tasks, plans, 0, 1));
        int cores = Runtime.getRuntime().availableProcessors();
        print("expert workload, %d threads (sum over threads): %s", cores, parallel(cores,
                part -> expertSteps(environment, tasks, plans, part, cores)));
        for (int round = 0; round < 2; round++) {
            print("random workload, 1 thread, round %d: %s", round + 1, randomSteps(environment, tasks, 0, 1, round));
        }
        print("random workload, %d threads (sum over threads): %s", cores, parallel(cores,
                part -> randomSteps(environment, tasks, part, cores, 5)));

        if (args.length > 0 && args[0].equals("rates")) {
            Map<String, Policy> policies = new LinkedHashMap<>();
            policies.put("expert", null);
            policies.put("random", new RandomPolicy());
            policies.put("first-result", new FirstResultPolicy());
            policies.put("matcher", new MatcherPolicy(c -> c.task().instruction()));
            for (Map.Entry<String, Policy> entry : policies.entrySet()) {
                int seeds = entry.getKey().equals("random") ? 5 : 1;
                long allSuccesses = 0;
                long allEpisodes = 0;
                for (Split split : Split.values()) {
                    List<Task> splitTasks = environment.tasks(split);
                    List<Trajectory> runs = new ArrayList<>();
                    for (int seed = 0; seed < seeds; seed++) {
                        runs.addAll(entry.getValue() == null
                                ? splitTasks.stream().map(t -> environment.demonstration(t).orElseThrow()).toList()
                                : new SimpleRollouts().run(new RolloutRequest(environment, splitTasks, entry.getValue(),
                                        new Sampling(1, 1.0, 11 + seed), entry.getKey())));
                    }
                    long successes = runs.stream().filter(Trajectory::success).count();
                    allSuccesses += successes;
                    allEpisodes += runs.size();
                    double[] ci = wilson(successes, runs.size());
                    print("%-13s %-6s success %.4f [95%% CI %.4f, %.4f]  mean reward %.3f  (%d episodes)",
                            entry.getKey(), split, successes / (double) runs.size(), ci[0], ci[1],
                            runs.stream().mapToDouble(Trajectory::reward).average().orElse(0), runs.size());
                }
                double[] ci = wilson(allSuccesses, allEpisodes);
                print("%-13s all    success %.4f [95%% CI %.4f, %.4f]  (%d episodes)", entry.getKey(),
                        allSuccesses / (double) allEpisodes, ci[0], ci[1], allEpisodes);
            }
        }
        environment.close();
    }

    private interface Part {
        Rate run(int part) throws Exception;
    }

    private static Rate parallel(int threads, Part work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Rate>> parts = new ArrayList<>();
            for (int p = 0; p < threads; p++) {
                int part = p;
                parts.add(pool.submit(() -> work.run(part)));
            }
            Rate total = new Rate(0, 0);
            for (Future<Rate> f : parts) {
                total = total.plus(f.get());
            }
            return total;
        } finally {
            pool.shutdown();
        }
    }

    /** Steps per second and per CPU-second of one thread. */
    private record Rate(double perSecond, double perCpuSecond) {
        Rate plus(Rate other) {
            return new Rate(perSecond + other.perSecond, perCpuSecond + other.perCpuSecond);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f steps/s wall, %.0f steps per cpu-second", perSecond, perCpuSecond);
        }
    }

    private static Rate rate(long steps, long startWall, long startCpu) {
        return new Rate(steps / ((System.nanoTime() - startWall) / 1e9),
                steps / ((THREADS.getCurrentThreadCpuTime() - startCpu) / 1e9));
    }

    /** Steps per second replaying the expert's plans for the tasks {@code part, part + parts, ...}. */
    private static Rate expertSteps(ShopEnvironment environment, List<Task> tasks, List<List<Action>> plans,
                                    int part, int parts) {
        long steps = 0;
        long start = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int i = part; i < tasks.size(); i += parts) {
            try (Episode episode = environment.reset(tasks.get(i), 0)) {
                for (Action action : plans.get(i)) {
                    episode.step(action);
                    steps++;
                }
            }
        }
        return rate(steps, start, cpu);
    }

    /** Steps per second of uniformly random valid actions (searches with random instruction words). */
    private static Rate randomSteps(ShopEnvironment environment, List<Task> tasks, int part, int parts, long seed) {
        long steps = 0;
        long start = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        SplittableRandom random = new SplittableRandom(seed * 31 + part);
        for (int i = part; i < tasks.size(); i += parts) {
            try (Episode episode = environment.reset(tasks.get(i), 0)) {
                Observation o = episode.observation();
                while (!o.done()) {
                    Action action;
                    if (o.actions().isEmpty()) {
                        String[] words = tasks.get(i).instruction().split(" ");
                        int from = random.nextInt(words.length - 2);
                        action = Action.of("search", words[from] + " " + words[from + 1] + " " + words[from + 2]);
                    } else {
                        action = o.actions().get(random.nextInt(o.actions().size()));
                    }
                    o = episode.step(action);
                    steps++;
                }
            }
        }
        return rate(steps, start, cpu);
    }

    /** Wilson score interval for a binomial proportion at 95%. */
    static double[] wilson(long successes, long n) {
        double z = 1.959964;
        double p = successes / (double) n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
