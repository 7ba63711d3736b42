package dev.kaizen.core.builtin;

import dev.kaizen.api.Seeds;
import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.rollout.Rollouts;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchProblem;
import dev.kaizen.api.search.SearchResult;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code samples} independent sampled rollouts per task; sample {@code j} of every task runs in one
 * batched request seeded with {@code derive(seed, j)}. The first sample is the committed trajectory.
 */
final class SampleSearch implements SearchAlgorithm {

    private final SampleSearchConfig config;
    private final Rollouts rollouts;

    SampleSearch(SampleSearchConfig config, Rollouts rollouts) {
        this.config = config;
        this.rollouts = rollouts;
    }

    @Override
    public List<SearchResult> search(SearchProblem problem) {
        int n = problem.tasks().size();
        List<List<Trajectory>> byTask = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byTask.add(new ArrayList<>(config.samples()));
        }
        for (int j = 0; j < config.samples(); j++) {
            Sampling sampling = new Sampling(1, config.temperature(), Seeds.derive(problem.seed(), j));
            List<Trajectory> sample = rollouts.run(new RolloutRequest(problem.environment(), problem.tasks(),
                    problem.policy(), sampling, problem.label() + "/sample-" + (j + 1)));
            for (int i = 0; i < n; i++) {
                byTask.get(i).add(sample.get(i));
            }
        }
        List<SearchResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Trajectory> explored = byTask.get(i);
            results.add(new SearchResult(problem.tasks().get(i), explored.get(0), explored, List.of()));
        }
        return results;
    }
}
