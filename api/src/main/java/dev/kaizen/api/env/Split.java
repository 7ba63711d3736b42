package dev.kaizen.api.env;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * A task split. {@code seen} tasks come from the same distribution as {@code train}; {@code unseen}
 * tasks come from parts of the environment held out of training entirely (e.g. other categories).
 */
public enum Split {
    TRAIN, SEEN, UNSEEN;

    /** The lowercase name used in recipes and files. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a split name.
     *
     * @throws IllegalArgumentException listing the allowed names
     */
    @JsonCreator
    public static Split of(String id) {
        for (Split split : values()) {
            if (split.id().equals(id)) {
                return split;
            }
        }
        throw new IllegalArgumentException("unknown split '" + id + "'; allowed: "
                + Arrays.stream(values()).map(Split::id).toList());
    }

    @Override
    public String toString() {
        return id();
    }
}
