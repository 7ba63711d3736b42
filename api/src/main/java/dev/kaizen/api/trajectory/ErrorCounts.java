package dev.kaizen.api.trajectory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collection;

/**
 * Errored episodes by cause (see {@link ErrorCause}).
 *
 * @param policy episodes the policy could not decide in
 * @param environment episodes the environment failed in
 * @param other episodes that errored for another reason
 */
@JsonPropertyOrder({"policy", "environment", "other"})
public record ErrorCounts(int policy, int environment, int other) {

    /** No errors. */
    public static final ErrorCounts NONE = new ErrorCounts(0, 0, 0);

    public ErrorCounts {
        if (policy < 0 || environment < 0 || other < 0) {
            throw new IllegalArgumentException("error counts must be >= 0: " + policy + ", " + environment + ", " + other);
        }
    }

    /** The errored episodes among {@code trajectories}. */
    public static ErrorCounts of(Collection<Trajectory> trajectories) {
        int policy = 0;
        int environment = 0;
        int other = 0;
        for (Trajectory trajectory : trajectories) {
            if (trajectory.cause() != null) {
                switch (trajectory.cause()) {
                    case POLICY -> policy++;
                    case ENVIRONMENT -> environment++;
                    case OTHER -> other++;
                }
            }
        }
        return new ErrorCounts(policy, environment, other);
    }

    /** The sum of both. */
    public ErrorCounts plus(ErrorCounts more) {
        return new ErrorCounts(policy + more.policy, environment + more.environment, other + more.other);
    }

    /** All errored episodes. */
    @JsonIgnore
    public int total() {
        return policy + environment + other;
    }

    /** E.g. {@code policy 21, environment 0, other 0}. */
    @Override
    public String toString() {
        return "policy " + policy + ", environment " + environment + ", other " + other;
    }
}
