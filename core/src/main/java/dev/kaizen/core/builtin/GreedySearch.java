package dev.kaizen.core.builtin;

import dev.kaizen.api.policy.Sampling;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.rollout.Rollouts;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchProblem;
import dev.kaizen.api.search.SearchResult;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.List;

/** One greedy rollout per task through the host's engine: the plain policy. Stateless. */
final class GreedySearch implements SearchAlgorithm {

    private final Rollouts rollouts;

    GreedySearch(Rollouts rollouts) {
        this.rollouts = rollouts;
    }

    @Override
    public List<SearchResult> search(SearchProblem problem) {
        List<Trajectory> trajectories = rollouts.run(new RolloutRequest(problem.environment(), problem.tasks(),
                problem.policy(), new Sampling(1, 0.0, problem.seed()), problem.label()));
        List<SearchResult> results = new ArrayList<>(trajectories.size());
        for (int i = 0; i < trajectories.size(); i++) {
            Trajectory trajectory = trajectories.get(i);
            results.add(new SearchResult(problem.tasks().get(i), trajectory, List.of(trajectory), List.of()));
        }
        return results;
    }
}
