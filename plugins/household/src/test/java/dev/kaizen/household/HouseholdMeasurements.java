package dev.kaizen.household;

import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.testing.SimpleRollouts;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.household.baseline.RandomPolicy;
import dev.kaizen.household.goal.Family;
import dev.kaizen.household.tasks.HouseholdTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures the household with its default config: build time, tasks drawn again, the expert's plan
 * lengths by split and family, and the success rates of the expert and the random baseline on
 * every split.
 *
 * <p>Run from {@code plugins/household} after {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes:CLASSPATH dev.kaizen.household.HouseholdMeasurements [seed]}.
 * Prints one line per figure.
 */
public final class HouseholdMeasurements {

    private HouseholdMeasurements() {
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1L;
        HouseholdConfig config = new HouseholdConfig(seed, null, null, null, null, null, null, null, null, null);
        HouseholdEnvironment household = new HouseholdEnvironment(config);
        print("build: %.3f s, %d layouts, %d tasks drawn again", household.buildSeconds(), household.layouts().size(),
                household.rejectedTasks());
        for (Split split : Split.values()) {
            Map<Family, List<Integer>> lengths = new TreeMap<>();
            for (HouseholdTask task : household.groundTruth(split)) {
                lengths.computeIfAbsent(task.goal().family(), f -> new ArrayList<>()).add(task.expertSteps());
            }
            List<Integer> every = new ArrayList<>();
            for (Map.Entry<Family, List<Integer>> entry : lengths.entrySet()) {
                every.addAll(entry.getValue());
                print("%s %s: %d tasks, expert steps %s", split, entry.getKey(), entry.getValue().size(),
                        stats(entry.getValue()));
            }
            print("%s: expert steps %s", split, stats(every));
        }
        for (Split split : Split.values()) {
            List<Task> tasks = household.tasks(split);
            int expert = 0;
            for (Task task : tasks) {
                expert += household.demonstration(task).orElseThrow().success() ? 1 : 0;
            }
            List<Trajectory> random = new SimpleRollouts().run(new RolloutRequest(household, tasks, new RandomPolicy(),
                    new Sampling(7, 1.0, 1), "random"));
            long successes = random.stream().filter(Trajectory::success).count();
            print("%s: expert %.2f%% (%d/%d), random %.2f%% (%d/%d)", split, 100.0 * expert / tasks.size(), expert,
                    tasks.size(), 100.0 * successes / tasks.size(), successes, tasks.size());
        }
    }

    private static String stats(List<Integer> values) {
        List<Integer> sorted = new ArrayList<>(values);
        sorted.sort(null);
        double mean = sorted.stream().mapToInt(Integer::intValue).average().orElse(0);
        return String.format(Locale.ROOT, "mean %.1f, min %d, median %d, p90 %d, max %d", mean, sorted.get(0),
                sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.9)), sorted.get(sorted.size() - 1));
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
