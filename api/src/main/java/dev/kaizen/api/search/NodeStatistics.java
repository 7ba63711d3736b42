package dev.kaizen.api.search;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.policy.AgentContext;
import java.util.List;

/**
 * One expanded node of a search tree: the context (history {@code h_t}) and what is known about
 * each child action.
 *
 * @param context the history at this node
 * @param visits {@code N(h_t)}, how many simulations passed through the node
 * @param actions the expanded children
 */
public record NodeStatistics(AgentContext context, int visits, List<ActionStatistics> actions) {

    public NodeStatistics {
        requireNonNull(context, "context is null");
        actions = List.copyOf(requireNonNull(actions, "actions is null"));
    }
}
