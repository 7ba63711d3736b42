package dev.kaizen.api.method;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.search.SearchAlgorithm;

/**
 * An evaluation other than the recipe's default one, e.g. with MCTS at inference.
 *
 * @param stage the stage name recorded with the results
 * @param policy the policy to evaluate
 * @param search how to act; null for the recipe's {@code evaluation.search}
 * @param critic the critic for the search; null for the recipe's {@code evaluation.critic}
 * @param searchName the name recorded as the results' {@code search}; null for the search's type name
 */
public record EvaluationRequest(String stage, Policy policy, SearchAlgorithm search, Critic critic,
                                String searchName) {

    public EvaluationRequest {
        requireNonNull(stage, "stage is null");
        requireNonNull(policy, "policy is null");
        if (search != null && searchName == null) {
            throw new IllegalArgumentException("name the search when passing one");
        }
    }
}
