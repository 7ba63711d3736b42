package dev.kaizen.api.trajectory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Whether a preference pair compares whole trajectories or single steps. */
public enum PairLevel {
    /** Chosen and rejected are whole trajectories from the task's start (ETO). */
    TRAJECTORY,
    /** Chosen and rejected are single actions in the same context (AgentQ, StepAgent). */
    STEP;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static PairLevel of(String id) {
        for (PairLevel level : values()) {
            if (level.id().equals(id)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown pair level '" + id + "'; allowed: "
                + Arrays.stream(values()).map(PairLevel::id).toList());
    }

    @Override
    public String toString() {
        return id();
    }
}
