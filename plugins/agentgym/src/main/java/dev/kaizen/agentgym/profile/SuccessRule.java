package dev.kaizen.agentgym.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What makes an episode of a family a success. */
public enum SuccessRule {
    /** The outcome (the step's reward value, scaled) reaches the threshold: most families. */
    REWARD,
    /** The server ended the episode: BabyAI, whose server ends an episode only when the goal is reached. */
    DONE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SuccessRule of(String id) {
        for (SuccessRule rule : values()) {
            if (rule.id().equals(id)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("unknown success rule '" + id + "'; allowed: "
                + Arrays.stream(values()).map(SuccessRule::id).toList());
    }

    @Override
    public String toString() {
        return id();
    }
}
