package dev.kaizen.eto;

import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The expert demonstrations of the first {@code count} training tasks, collected once on first use
 * (the environment's expert is deterministic, so a resumed run collects the same ones). Not
 * thread-safe.
 */
final class Demonstrations {

    private final Environment environment;
    private final int count;
    private final String method;
    private Map<String, Trajectory> byTask;

    Demonstrations(Environment environment, int count, String method) {
        this.environment = environment;
        this.count = count;
        this.method = method;
    }

    /** Every demonstration, in task order. */
    List<Trajectory> all() {
        return List.copyOf(load().values());
    }

    /** The demonstrated tasks, in order. */
    List<Task> tasks() {
        return all().stream().map(Trajectory::task).toList();
    }

    /** The demonstration of one of the demonstrated tasks. */
    Trajectory of(Task task) {
        Trajectory demonstration = load().get(task.id());
        if (demonstration == null) {
            throw new IllegalArgumentException("task " + task.id() + " is not among the " + count + " demonstrated tasks");
        }
        return demonstration;
    }

    /**
     * The tasks to explore in one iteration: all demonstrated tasks, or, if {@code limit} is smaller,
     * {@code limit} of them chosen with {@code random}, kept in task order.
     */
    List<Task> sample(Integer limit, SplittableRandom random) {
        List<Task> tasks = tasks();
        if (limit == null || limit >= tasks.size()) {
            return tasks;
        }
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            indices.add(i);
        }
        for (int i = 0; i < limit; i++) {
            int j = i + random.nextInt(indices.size() - i);
            Integer swap = indices.get(i);
            indices.set(i, indices.get(j));
            indices.set(j, swap);
        }
        return indices.subList(0, limit).stream().sorted().map(tasks::get).toList();
    }

    private Map<String, Trajectory> load() {
        if (byTask != null) {
            return byTask;
        }
        List<Task> train = environment.tasks(Split.TRAIN);
        if (train.size() < count) {
            throw new IllegalArgumentException("method.demonstrations is " + count + " but the environment has only "
                    + train.size() + " train tasks; set method.demonstrations to at most " + train.size());
        }
        Map<String, Trajectory> loaded = new LinkedHashMap<>();
        for (Task task : train.subList(0, count)) {
            Trajectory demonstration = environment.demonstration(task).orElseThrow(() -> new IllegalArgumentException(
                    "method '" + method + "' needs an expert demonstration of every training task it uses, but the"
                            + " environment gives none for task " + task.id()));
            if (demonstration.steps().isEmpty()) {
                throw new IllegalArgumentException("the expert demonstration of task " + task.id() + " has no steps");
            }
            loaded.put(task.id(), demonstration);
        }
        byTask = loaded;
        return byTask;
    }
}
