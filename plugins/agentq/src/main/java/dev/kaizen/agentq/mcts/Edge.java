package dev.kaizen.agentq.mcts;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.trajectory.Step;

/**
 * A child action of a tree node with its statistics: visits {@code N(h, a)}, mean return
 * {@code Q(h, a)} and the critic's score {@code Q̂(h, a)}. Not thread-safe.
 */
final class Edge {

    private final Action action;
    private final double criticScore;
    private final int proposalIndex;
    private int visits;
    private double value;
    private Node child;
    private Step step;

    Edge(Action action, double criticScore, int proposalIndex) {
        this.action = requireNonNull(action, "action is null");
        this.criticScore = criticScore;
        this.proposalIndex = proposalIndex;
    }

    Action action() {
        return action;
    }

    double criticScore() {
        return criticScore;
    }

    /** Where the policy listed this action among its proposals (0 first); the last tie-breaker. */
    int proposalIndex() {
        return proposalIndex;
    }

    int visits() {
        return visits;
    }

    double value() {
        return value;
    }

    /** The node this action leads to, or null while the action has not been executed. */
    Node child() {
        return child;
    }

    /** The executed step (observation, action, environment reward), or null before execution. */
    Step step() {
        return step;
    }

    void attach(Step executed, Node node) {
        this.step = requireNonNull(executed, "executed is null");
        this.child = requireNonNull(node, "node is null");
    }

    /** The backup of one simulation's return {@code r}: {@code Q ← (Q·N + r)/(N + 1)}, {@code N ← N + 1}. */
    void backup(double r) {
        value = (value * visits + r) / (visits + 1);
        visits++;
    }

    @Override
    public String toString() {
        return action + " (N=" + visits + ", Q=" + value + ", critic=" + criticScore + ")";
    }
}
