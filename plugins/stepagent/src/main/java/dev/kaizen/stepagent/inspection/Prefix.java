package dev.kaizen.stepagent.inspection;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.List;

/**
 * An expert trajectory cut before its action {@code t}: the context {@code s_t = (u, a*_1, o_1, …,
 * o_t)} the expert acted in, and the expert's step there.
 *
 * @param demonstration the expert trajectory
 * @param step the index {@code t} of the expert's action, {@code 0 <= t < demonstration.length()}
 */
public record Prefix(Trajectory demonstration, int step) {

    public Prefix {
        requireNonNull(demonstration, "demonstration is null");
        if (step < 0 || step >= demonstration.length()) {
            throw new IllegalArgumentException("step must be in [0, " + demonstration.length() + "): " + step);
        }
    }

    /** The context the expert acted in: the task, the expert's steps before {@code t}, and observation {@code t}. */
    public AgentContext context() {
        return demonstration.contextAt(step);
    }

    /** What the expert did here. */
    public Step expertStep() {
        return demonstration.steps().get(step);
    }

    /**
     * Cuts every trajectory after each of its actions: one prefix per step, trajectories in order,
     * steps in order. Trajectories without steps give none.
     */
    public static List<Prefix> cut(List<Trajectory> demonstrations) {
        List<Prefix> prefixes = new ArrayList<>();
        for (Trajectory demonstration : demonstrations) {
            for (int t = 0; t < demonstration.length(); t++) {
                prefixes.add(new Prefix(demonstration, t));
            }
        }
        return prefixes;
    }
}
