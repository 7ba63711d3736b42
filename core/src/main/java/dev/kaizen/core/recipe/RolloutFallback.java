package dev.kaizen.core.recipe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a rollout backend other than {@code local} does with a request whose parts its executors
 * cannot rebuild (a policy the host did not build from a recipe config, such as a method's decorator
 * around the recipe's policy).
 */
public enum RolloutFallback {

    /** Runs such requests on this machine's engine, after saying so once. */
    LOCAL,

    /** Fails the run at the first such request, naming the part, before the request runs. */
    FAIL;

    /** The lowercase name used in recipes. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a fallback name.
     *
     * @throws IllegalArgumentException listing the allowed names
     */
    @JsonCreator
    public static RolloutFallback of(String id) {
        for (RolloutFallback fallback : values()) {
            if (fallback.id().equals(id)) {
                return fallback;
            }
        }
        throw new IllegalArgumentException("unknown rollout fallback '" + id + "'; allowed: "
                + Arrays.stream(values()).map(RolloutFallback::id).toList());
    }

    @Override
    public String toString() {
        return id();
    }
}
