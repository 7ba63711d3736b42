package dev.kaizen.api.trajectory;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;

/**
 * One step of a trajectory: the observation the agent acted on, the action it took, and the
 * reward that action received.
 *
 * @param observation what the agent saw before acting
 * @param action what it did
 * @param reward the reward for this action (the environment's, or one relabelled by a reward model)
 */
public record Step(Observation observation, Action action, double reward) {

    public Step {
        requireNonNull(observation, "observation is null");
        requireNonNull(action, "action is null");
        if (Double.isNaN(reward) || Double.isInfinite(reward)) {
            throw new IllegalArgumentException("reward must be finite: " + reward);
        }
    }

    /** This step with another reward. */
    public Step withReward(double newReward) {
        return new Step(observation, action, newReward);
    }
}
