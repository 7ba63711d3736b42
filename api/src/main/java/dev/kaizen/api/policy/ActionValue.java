package dev.kaizen.api.policy;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Action;

/**
 * A remembered value of an action in some state.
 *
 * @param action the action
 * @param value its estimated value Q
 * @param visits how many times it was tried there
 */
public record ActionValue(Action action, double value, int visits) {

    public ActionValue {
        requireNonNull(action, "action is null");
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("value must be finite: " + value);
        }
        if (visits < 0) {
            throw new IllegalArgumentException("visits must be >= 0: " + visits);
        }
    }
}
