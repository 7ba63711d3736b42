package dev.kaizen.api.search;

import java.util.List;

/**
 * Explores tasks with a policy: from plain sampling (many independent rollouts) to guided tree
 * search. Its budget (samples, simulations per step, wall time) is part of its config.
 *
 * <p>Batch-first: it gets all tasks at once and should interleave them so the policy is asked for
 * many contexts per call. Failures of single episodes are recorded in their trajectories, not
 * thrown. Used from one thread at a time.
 */
public interface SearchAlgorithm {

    /** One result per task of the problem, in the problem's order. */
    List<SearchResult> search(SearchProblem problem);
}
