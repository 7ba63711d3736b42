package dev.kaizen.core.recipe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * How the rollout engine schedules deciding and stepping. Both give the same trajectories for the
 * same seed; they differ in speed.
 */
public enum RolloutMode {

    /**
     * Rounds: one {@code decide} for every running episode (in chunks of {@code batchSize}), then
     * every episode steps; the next round starts when the slowest step of this one returns. Best
     * for in-process environments and policies, where a round is pure computation.
     */
    LOCKSTEP,

    /**
     * Each episode advances on its own: when its step returns, its next context waits for the
     * policy; the engine decides for whatever contexts are waiting (up to {@code batchSize}, after
     * an optional {@code gatherMillis} window) while other episodes are still stepping, and each
     * decision's step starts at once. Best when steps or decisions wait on I/O (remote environments,
     * LLM servers).
     */
    PIPELINED;

    /** The lowercase name used in recipes. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a mode name.
     *
     * @throws IllegalArgumentException listing the allowed names
     */
    @JsonCreator
    public static RolloutMode of(String id) {
        for (RolloutMode mode : values()) {
            if (mode.id().equals(id)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown rollout mode '" + id + "'; allowed: "
                + Arrays.stream(values()).map(RolloutMode::id).toList());
    }

    @Override
    public String toString() {
        return id();
    }
}
