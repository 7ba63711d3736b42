package dev.kaizen.api.search;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.trajectory.Step;

/**
 * What a search learned about one child action of a node.
 *
 * @param step the step taken from the node (its observation is the node's, its reward the
 *     environment's for this action)
 * @param visits {@code N(h_t, a)}
 * @param value {@code Q(h_t, a)}, the mean return of simulations through this child
 * @param criticScore the critic's score for the action, in [0, 1]
 */
public record ActionStatistics(Step step, int visits, double value, double criticScore) {

    public ActionStatistics {
        requireNonNull(step, "step is null");
        if (visits < 0) {
            throw new IllegalArgumentException("visits must be >= 0: " + visits);
        }
    }
}
