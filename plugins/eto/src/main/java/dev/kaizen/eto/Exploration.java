package dev.kaizen.eto;

import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchProblem;
import dev.kaizen.api.search.SearchResult;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One round of exploration of the training tasks, and figures that describe it. */
final class Exploration {

    private Exploration() {
    }

    /**
     * Every trajectory the explorer ran on {@code tasks}, grouped by task id in task order.
     *
     * @throws IllegalStateException if the explorer returns results for other tasks than asked
     */
    static Map<String, List<Trajectory>> run(SearchAlgorithm explorer, Environment environment, List<Task> tasks,
                                             Policy policy, Critic critic, long seed, String label) {
        List<SearchResult> results = explorer.search(new SearchProblem(environment, tasks, policy, critic, seed, label));
        if (results.size() != tasks.size()) {
            throw new IllegalStateException("the explorer returned " + results.size() + " results for "
                    + tasks.size() + " tasks");
        }
        Map<String, List<Trajectory>> byTask = new LinkedHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            SearchResult result = results.get(i);
            if (!result.task().id().equals(tasks.get(i).id())) {
                throw new IllegalStateException("the explorer returned a result for task " + result.task().id()
                        + " where task " + tasks.get(i).id() + " was expected");
            }
            List<Trajectory> explored = result.explored().isEmpty() ? List.of(result.trajectory()) : result.explored();
            byTask.put(result.task().id(), explored);
        }
        return byTask;
    }

    /** All trajectories, in task order. */
    static List<Trajectory> flatten(Map<String, List<Trajectory>> byTask) {
        List<Trajectory> all = new ArrayList<>();
        byTask.values().forEach(all::addAll);
        return all;
    }

    /**
     * Counts and rates of an exploration: {@code tasks}, {@code trajectories}, {@code successRate},
     * {@code meanReward}, {@code meanSteps}, {@code errors}, {@code tasksSolved} (tasks with at least
     * one success) and {@code distinctShare} (distinct action sequences per trajectory, within tasks).
     */
    static Map<String, Object> figures(Map<String, List<Trajectory>> byTask) {
        int trajectories = 0;
        int successes = 0;
        int errors = 0;
        int solved = 0;
        int distinct = 0;
        long steps = 0;
        double reward = 0;
        for (List<Trajectory> list : byTask.values()) {
            Set<List<Action>> sequences = new HashSet<>();
            boolean anySuccess = false;
            for (Trajectory t : list) {
                trajectories++;
                successes += t.success() ? 1 : 0;
                anySuccess |= t.success();
                errors += t.error() != null ? 1 : 0;
                steps += t.length();
                reward += t.reward();
                sequences.add(t.steps().stream().map(Step::action).toList());
            }
            solved += anySuccess ? 1 : 0;
            distinct += sequences.size();
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("tasks", byTask.size());
        figures.put("trajectories", trajectories);
        figures.put("successRate", trajectories == 0 ? 0.0 : successes / (double) trajectories);
        figures.put("meanReward", trajectories == 0 ? 0.0 : reward / trajectories);
        figures.put("meanSteps", trajectories == 0 ? 0.0 : steps / (double) trajectories);
        figures.put("errors", errors);
        figures.put("tasksSolved", solved);
        figures.put("distinctShare", trajectories == 0 ? 0.0 : distinct / (double) trajectories);
        return figures;
    }
}
