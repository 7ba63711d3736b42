package dev.kaizen.eto.testing;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.Seeds;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchProblem;
import dev.kaizen.api.search.SearchResult;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Independent rollouts per task through the host's rollout engine: {@code samples} of them at
 * {@code temperature} (0 is greedy), seeded from the problem's seed. Shows each problem to an observer first.
 */
public final class RolloutSearch implements SearchAlgorithm {

    private final ComponentContext context;
    private final int samples;
    private final double temperature;
    private final Consumer<SearchProblem> observer;

    public RolloutSearch(ComponentContext context, int samples, double temperature, Consumer<SearchProblem> observer) {
        this.context = context;
        this.samples = samples;
        this.temperature = temperature;
        this.observer = observer;
    }

    @Override
    public List<SearchResult> search(SearchProblem problem) {
        observer.accept(problem);
        List<List<Trajectory>> perTask = new ArrayList<>();
        problem.tasks().forEach(t -> perTask.add(new ArrayList<>()));
        for (int k = 0; k < samples; k++) {
            Sampling sampling = temperature == 0 ? Sampling.greedy()
                    : Sampling.sample(temperature, Seeds.derive(problem.seed(), k));
            List<Trajectory> run = context.rollouts().run(new RolloutRequest(problem.environment(), problem.tasks(),
                    problem.policy(), sampling, TrajectorySource.SEARCH, problem.label()));
            for (int i = 0; i < run.size(); i++) {
                perTask.get(i).add(run.get(i));
            }
        }
        List<SearchResult> results = new ArrayList<>();
        for (int i = 0; i < problem.tasks().size(); i++) {
            Task task = problem.tasks().get(i);
            results.add(new SearchResult(task, perTask.get(i).get(0), perTask.get(i), List.of()));
        }
        return results;
    }
}
