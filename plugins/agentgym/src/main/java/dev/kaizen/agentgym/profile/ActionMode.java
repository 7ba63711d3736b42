package dev.kaizen.agentgym.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Which actions an observation offers a policy. */
public enum ActionMode {
    /** Only the valid actions the profile reads from the server: for policies that pick among candidates. */
    LIST,
    /** Only the profile's free-text templates: the policy writes each action itself. */
    FREE_TEXT,
    /** Both the valid actions and the free-text templates. */
    BOTH;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static ActionMode of(String id) {
        for (ActionMode mode : values()) {
            if (mode.id().equals(id)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown action mode '" + id + "'; allowed: "
                + Arrays.stream(values()).map(ActionMode::id).toList());
    }

    /** Whether observations carry the profile's valid-action list. */
    public boolean lists() {
        return this != FREE_TEXT;
    }

    /** Whether observations carry the profile's free-text templates. */
    public boolean freeText() {
        return this != LIST;
    }

    @Override
    public String toString() {
        return id();
    }
}
