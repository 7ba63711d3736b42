package dev.kaizen.agentgym.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Where a profile reads the valid actions. */
public enum ActionSource {
    /** A list in every reset and step answer (ALFWorld's {@code available_actions}). */
    ANSWER,
    /** A list written into the observation text (BabyAI's {@code Available actions: [...]}). */
    TEXT,
    /** A GET request after every reset and step (WebShop's {@code /available_actions}, the maze's fixed list). */
    ENDPOINT,
    /**
     * A GET request for action patterns and objects, every pattern filled with every object
     * (SciWorld's {@code /action_hint}).
     */
    HINT;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ActionSource of(String id) {
        for (ActionSource source : values()) {
            if (source.id().equals(id)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown action source '" + id + "'; allowed: "
                + Arrays.stream(values()).map(ActionSource::id).toList());
    }

    @Override
    public String toString() {
        return id();
    }
}
