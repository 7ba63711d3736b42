package dev.kaizen.eto;

import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The expert demonstrations of the first {@code count} training tasks (capped by the split's size;
 * tasks the expert has no demonstration for are left out), chosen exactly as the host's {@code bc}
 * method chooses them, and collected once on first use (the expert is deterministic, so a resumed
 * run collects the same ones). Not thread-safe.
 */
final class Demonstrations {

    private final Environment environment;
    private final int count;
    private final String method;
    private final Map<String, Optional<Trajectory>> others = new HashMap<>();
    private Map<String, Trajectory> byTask;

    Demonstrations(Environment environment, int count, String method) {
        this.environment = environment;
        this.count = count;
        this.method = method;
    }

    /** How many training tasks' demonstrations were asked for (0: none, and no expert needed). */
    int count() {
        return count;
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
     * The expert's trajectory of any training task: the demonstration if the task is demonstrated,
     * else asked of the environment once (empty if its expert has none). Used as the chosen side of
     * ETO's pairs on tasks beyond the demonstrations.
     */
    Optional<Trajectory> expertOf(Task task) {
        Trajectory demonstrated = load().get(task.id());
        if (demonstrated != null) {
            return Optional.of(demonstrated);
        }
        return others.computeIfAbsent(task.id(), id -> environment.demonstration(task)
                .filter(d -> !d.steps().isEmpty()));
    }

    private Map<String, Trajectory> load() {
        if (byTask != null) {
            return byTask;
        }
        List<Task> train = environment.tasks(Split.TRAIN);
        List<Task> chosen = train.subList(0, Math.min(count, train.size()));
        Map<String, Trajectory> loaded = new LinkedHashMap<>();
        for (Task task : chosen) {
            environment.demonstration(task).filter(d -> !d.steps().isEmpty())
                    .ifPresent(d -> loaded.put(task.id(), d));
        }
        if (loaded.isEmpty()) {
            throw new IllegalArgumentException("method '" + method + "' needs expert demonstrations, but the environment"
                    + " gives none for its first " + chosen.size() + " training tasks; use an environment with an"
                    + " expert, or start from method.checkpoint with demonstrations for pairing");
        }
        byTask = loaded;
        return byTask;
    }
}
