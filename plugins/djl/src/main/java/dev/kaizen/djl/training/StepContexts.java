package dev.kaizen.djl.training;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps gathered for scoring or training: the contexts they were taken in and the actions taken,
 * as two lists in step order. Steps come from whole trajectories or from a pair's continuations.
 * Not thread-safe.
 */
public final class StepContexts {

    private final List<AgentContext> contexts = new ArrayList<>();
    private final List<Action> actions = new ArrayList<>();

    /** Every step of {@code trajectories}, in order. */
    public static StepContexts of(List<Trajectory> trajectories) {
        StepContexts out = new StepContexts();
        for (Trajectory trajectory : trajectories) {
            out.add(trajectory);
        }
        return out;
    }

    /** Adds every step of {@code trajectory}. */
    public void add(Trajectory trajectory) {
        for (int t = 0; t < trajectory.length(); t++) {
            contexts.add(trajectory.contextAt(t));
            actions.add(trajectory.steps().get(t).action());
        }
    }

    /**
     * Adds every step of {@code continuation}, taken from {@code context}
     * ({@link PreferencePair#contextFor}).
     *
     * @return where its steps are: {@code [start, end)}
     */
    public int[] add(AgentContext context, List<Step> continuation) {
        int start = contexts.size();
        for (int j = 0; j < continuation.size(); j++) {
            contexts.add(PreferencePair.contextFor(context, continuation, j));
            actions.add(continuation.get(j).action());
        }
        return new int[] {start, contexts.size()};
    }

    /** The contexts, one per step. */
    public List<AgentContext> contexts() {
        return contexts;
    }

    /** The actions taken, one per step. */
    public List<Action> actions() {
        return actions;
    }

    /** Whether no step was gathered. */
    public boolean isEmpty() {
        return contexts.isEmpty();
    }

    /** Per-step {@code values} of every step of {@code trajectories} (in order), split by trajectory. */
    public static List<double[]> perTrajectory(double[] values, List<Trajectory> trajectories) {
        List<double[]> out = new ArrayList<>();
        int offset = 0;
        for (Trajectory trajectory : trajectories) {
            double[] part = new double[trajectory.length()];
            System.arraycopy(values, offset, part, 0, part.length);
            offset += part.length;
            out.add(part);
        }
        return out;
    }
}
