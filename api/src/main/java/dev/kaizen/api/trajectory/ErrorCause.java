package dev.kaizen.api.trajectory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * Why an episode errored: it could not be played to its end for a reason outside the agent's
 * control, so it says nothing about the policy. Errored episodes are counted apart and left out of
 * success rates and mean rewards; an episode the policy merely failed (a wrong action, the step
 * limit) is not errored.
 */
public enum ErrorCause {
    /** The policy could not decide (e.g. its model server failed after every retry). */
    POLICY,
    /** The environment failed to reset or step (e.g. its server is down, or it threw). */
    ENVIRONMENT,
    /** Anything else, e.g. a critic that could not judge during a search. */
    OTHER;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ErrorCause of(String id) {
        for (ErrorCause cause : values()) {
            if (cause.id().equals(id)) {
                return cause;
            }
        }
        throw new IllegalArgumentException("unknown error cause '" + id + "'; allowed: "
                + Arrays.stream(values()).map(ErrorCause::id).toList());
    }

    @Override
    public String toString() {
        return id();
    }
}
