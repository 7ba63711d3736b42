package dev.kaizen.stepagent.inspection;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.List;

/**
 * Where the policy disagreed with the expert: at step {@code step} of demonstration number
 * {@code demonstration} it proposed {@code proposal}. Small enough to keep for every iteration; the
 * pair follows from it and the demonstrations.
 *
 * @param demonstration the index of the expert trajectory in the inspected list
 * @param step the index of the expert's action in that trajectory
 * @param proposal the policy's action there
 */
public record Disagreement(int demonstration, int step, Action proposal) {

    public Disagreement {
        requireNonNull(proposal, "proposal is null");
        if (demonstration < 0 || step < 0) {
            throw new IllegalArgumentException("demonstration and step must be >= 0: " + demonstration + ", " + step);
        }
    }

    /**
     * The step pair {@code (s_t, a*_t ≻ â_t)}: the expert's step chosen, the proposal (with reward 0)
     * rejected, margin 1.
     *
     * @throws IllegalArgumentException if the demonstrations have no such step
     */
    public PreferencePair pair(List<Trajectory> demonstrations) {
        if (demonstration >= demonstrations.size() || step >= demonstrations.get(demonstration).length()) {
            throw new IllegalArgumentException("no step " + step + " in demonstration " + demonstration + " of "
                    + demonstrations.size());
        }
        Trajectory expert = demonstrations.get(demonstration);
        Step chosen = expert.steps().get(step);
        return PreferencePair.ofSteps(expert.contextAt(step), chosen, new Step(chosen.observation(), proposal, 0.0),
                1.0);
    }
}
