package dev.kaizen.core.evaluation;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.method.EvaluationRequest;
import dev.kaizen.api.method.EvaluationResult;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchProblem;
import dev.kaizen.api.search.SearchResult;
import dev.kaizen.api.trajectory.ErrorCounts;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.core.recipe.EvaluationSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates policies as the recipe's {@code evaluation} section says: the first {@code episodes}
 * tasks of each split, acted on by a search (the recipe's unless the request names another), with
 * the success rate, mean reward and Wilson 95% interval per split. The same seed per split at every
 * stage, so stages are compared on the same episodes. Used from one thread at a time; closing it
 * closes the default critic.
 */
public final class Evaluator implements AutoCloseable {

    private final Environment environment;
    private final EvaluationSettings settings;
    private final ComponentContext context;
    private final String defaultSearchName;
    private SearchAlgorithm defaultSearch;
    private Critic defaultCritic;

    /**
     * @param defaultSearchName the type name of {@code settings.search()}, recorded with the results
     */
    public Evaluator(Environment environment, EvaluationSettings settings, ComponentContext context,
                     String defaultSearchName) {
        this.environment = environment;
        this.settings = settings;
        this.context = context;
        this.defaultSearchName = defaultSearchName;
    }

    /** One result per configured split, in the configured order; the trajectories are passed to {@code sink}. */
    public List<EvaluationResult> evaluate(EvaluationRequest request, TrajectorySink sink) {
        SearchAlgorithm search = request.search() != null ? request.search() : defaultSearch();
        Critic critic = request.critic() != null ? request.critic() : defaultCritic();
        String searchName = request.searchName() != null ? request.searchName() : defaultSearchName;
        List<EvaluationResult> results = new ArrayList<>();
        for (Split split : settings.splits()) {
            List<Task> all = environment.tasks(split);
            if (all.isEmpty()) {
                throw new IllegalArgumentException("evaluation.splits: the environment has no '" + split
                        + "' tasks; drop the split from evaluation.splits");
            }
            List<Task> tasks = all.subList(0, Math.min(settings.episodes(), all.size()));
            String label = "eval/" + request.stage() + "/" + split;
            List<SearchResult> found = search.search(new SearchProblem(environment, tasks, request.policy(), critic,
                    context.seed("evaluation/" + split), label));
            if (found.size() != tasks.size()) {
                throw new IllegalStateException("search '" + searchName + "' returned " + found.size()
                        + " results for " + tasks.size() + " tasks");
            }
            List<Trajectory> trajectories = found.stream().map(SearchResult::trajectory).toList();
            EvaluationResult result = summarize(request.stage(), split, searchName, trajectories);
            results.add(result);
            sink.accept(result, trajectories);
        }
        return results;
    }

    /**
     * Runs {@code policy} on the validation tasks with the recipe's search, the same episode seed at
     * every stage; the trajectories are passed to {@code sink} with the split {@code train}.
     */
    public StageValidation validate(String stage, Policy policy, List<Task> tasks, ValidationSink sink) {
        List<SearchResult> found = defaultSearch().search(new SearchProblem(environment, tasks, policy,
                defaultCritic(), context.seed("evaluation/validation"), "eval/" + stage + "/validation"));
        List<Trajectory> trajectories = found.stream().map(SearchResult::trajectory).toList();
        EvaluationResult summary = summarize(stage, Split.TRAIN, defaultSearchName, trajectories);
        StageValidation validation = new StageValidation(stage, summary.episodes(), summary.successRate(),
                summary.meanReward(), summary.successCi95(), summary.errors());
        sink.accept(validation, trajectories);
        return validation;
    }

    /**
     * Success rate, mean reward and interval of a set of trajectories, over those that did not error;
     * errored ones are counted by cause.
     */
    public static EvaluationResult summarize(String stage, Split split, String search, List<Trajectory> trajectories) {
        List<Trajectory> completed = trajectories.stream().filter(t -> !t.errored()).toList();
        int n = completed.size();
        long successes = completed.stream().filter(Trajectory::success).count();
        double reward = n == 0 ? 0 : completed.stream().mapToDouble(Trajectory::reward).sum() / n;
        return new EvaluationResult(stage, split, search, trajectories.size(), n == 0 ? 0 : successes / (double) n,
                reward, n == 0 ? List.of(0.0, 1.0) : Wilson.interval95(successes, n), ErrorCounts.of(trajectories));
    }

    /** Whether the recipe asks for the evaluated episodes to be kept. */
    public boolean keepsTrajectories() {
        return settings.trajectories();
    }

    private SearchAlgorithm defaultSearch() {
        if (defaultSearch == null) {
            defaultSearch = context.create(settings.search());
        }
        return defaultSearch;
    }

    private Critic defaultCritic() {
        if (defaultCritic == null) {
            defaultCritic = context.create(settings.critic());
        }
        return defaultCritic;
    }

    @Override
    public void close() {
        if (defaultCritic != null) {
            defaultCritic.close();
        }
    }

    /** Receives a validation's result and trajectories. */
    @FunctionalInterface
    public interface ValidationSink {
        void accept(StageValidation validation, List<Trajectory> trajectories);
    }

    /** Receives each evaluated split's result and trajectories as soon as the split is done. */
    @FunctionalInterface
    public interface TrajectorySink {
        void accept(EvaluationResult result, List<Trajectory> trajectories);
    }
}
