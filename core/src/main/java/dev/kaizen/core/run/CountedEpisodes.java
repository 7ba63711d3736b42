package dev.kaizen.core.run;

import dev.kaizen.api.rollout.Rollouts;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchProblem;
import dev.kaizen.api.search.SearchResult;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Rollouts and searches whose finished episodes are counted in an {@link ErrorBudget}. Only the
 * outermost call on a thread counts, so a search that runs its episodes through the rollouts (the
 * greedy search) counts each episode once; a search counts the trajectory it commits to per task.
 */
final class CountedEpisodes {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private CountedEpisodes() {
    }

    /** {@code rollouts}, counted. */
    static Rollouts rollouts(Rollouts rollouts, ErrorBudget budget) {
        return request -> count(() -> rollouts.run(request), trajectories -> trajectories, budget);
    }

    /** {@code search}, counted. */
    static SearchAlgorithm search(SearchAlgorithm search, ErrorBudget budget) {
        return new CountedSearch(search, budget);
    }

    private static <R> List<R> count(Supplier<List<R>> call, Function<List<R>, List<Trajectory>> episodes,
                                     ErrorBudget budget) {
        int[] depth = DEPTH.get();
        depth[0]++;
        List<R> results;
        try {
            results = call.get();
        } finally {
            depth[0]--;
        }
        if (depth[0] == 0) {
            budget.count(episodes.apply(results));
        }
        return results;
    }

    /** A counted search; {@link #delegate()} is the search itself. */
    record CountedSearch(SearchAlgorithm delegate, ErrorBudget budget) implements SearchAlgorithm {
        @Override
        public List<SearchResult> search(SearchProblem problem) {
            return count(() -> delegate.search(problem),
                    results -> results.stream().map(SearchResult::trajectory).toList(), budget);
        }
    }
}
