package dev.kaizen.agentq.mcts;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.EpisodeSnapshot;
import dev.kaizen.api.policy.AgentContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A state of the search tree: the history {@code h_t} that leads to it, how to get back to it
 * (a snapshot, or replaying the history's actions), and its children once expanded. Not thread-safe.
 */
final class Node {

    private final AgentContext context;
    private final EpisodeSnapshot snapshot;
    private final boolean terminal;
    private final double returnSoFar;
    private int visits;
    private List<Edge> children;

    /**
     * @param context the history and current observation
     * @param snapshot the episode's state here, or null where episodes are replayed
     * @param returnSoFar the sum of the environment's rewards from the episode's start up to here
     */
    Node(AgentContext context, EpisodeSnapshot snapshot, double returnSoFar) {
        this.context = requireNonNull(context, "context is null");
        this.snapshot = snapshot;
        this.terminal = context.observation().done();
        this.returnSoFar = returnSoFar;
    }

    AgentContext context() {
        return context;
    }

    EpisodeSnapshot snapshot() {
        return snapshot;
    }

    boolean terminal() {
        return terminal;
    }

    double returnSoFar() {
        return returnSoFar;
    }

    /** The number of steps from the episode's start. */
    int depth() {
        return context.step();
    }

    /** {@code N(h)}: simulations that passed through this node. */
    int visits() {
        return visits;
    }

    void visit() {
        visits++;
    }

    boolean expanded() {
        return children != null;
    }

    /** The children in proposal order; empty if the policy proposed nothing; null before expansion. */
    List<Edge> children() {
        return children;
    }

    void expand(List<Edge> edges) {
        if (children != null) {
            throw new IllegalStateException("node already expanded");
        }
        children = new ArrayList<>(edges);
    }
}
