package dev.kaizen.rememberer.memory.record;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Action;

/**
 * What a record remembers of one action tried in its state.
 *
 * @param action the action
 * @param value its Q-value
 * @param visits how many times it was tried there, {@code >= 1}
 * @param lastReward the reward it received the last time
 * @param touched the memory's update clock when it was last updated
 */
public record ActionEntry(Action action, double value, int visits, double lastReward, long touched) {

    public ActionEntry {
        requireNonNull(action, "action is null");
        if (!Double.isFinite(value) || !Double.isFinite(lastReward)) {
            throw new IllegalArgumentException("value and lastReward must be finite: " + value + ", " + lastReward);
        }
        if (visits < 1) {
            throw new IllegalArgumentException("visits must be >= 1: " + visits);
        }
    }
}
