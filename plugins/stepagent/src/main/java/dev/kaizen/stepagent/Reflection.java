package dev.kaizen.stepagent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How StepAgent turns the inspection's expert-vs-agent step pairs into a policy update. */
public enum Reflection {
    /** Step-level DPO on the pairs: the implied reward is {@code β·log π/π_ref}. */
    IMPLICIT,
    /**
     * Inverse RL: fit a reward model (a discriminator) on the pairs, relabel the steps of the
     * policy's own rollouts with its step rewards and optimise with PPO.
     */
    INVERSE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a recipe value.
     *
     * @throws IllegalArgumentException listing the allowed values
     */
    @JsonCreator
    public static Reflection of(String id) {
        for (Reflection reflection : values()) {
            if (reflection.id().equals(id)) {
                return reflection;
            }
        }
        throw new IllegalArgumentException("unknown reflection '" + id + "'; allowed: "
                + Arrays.stream(values()).map(Reflection::id).toList());
    }

    @Override
    public String toString() {
        return id();
    }
}
