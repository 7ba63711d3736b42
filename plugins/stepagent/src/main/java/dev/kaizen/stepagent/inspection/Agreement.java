package dev.kaizen.stepagent.inspection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.kaizen.api.env.Action;
import java.util.Arrays;
import java.util.Locale;

/**
 * When the agent's proposal counts as the expert's action. Agreeing proposals carry no signal and
 * produce no pair.
 */
public enum Agreement {
    /** The action texts are identical. */
    EXACT,
    /**
     * The action texts are identical after lower-casing, trimming the verb and the argument and
     * collapsing runs of white space: {@code search[Red  Shoes ]} agrees with {@code search[red shoes]}.
     */
    NORMALIZED;

    /** Whether {@code proposal} counts as {@code expert}. */
    public boolean agrees(Action expert, Action proposal) {
        if (this == EXACT) {
            return expert.text().equals(proposal.text());
        }
        return normalize(expert).equals(normalize(proposal));
    }

    /** The normalised text of an action, as {@link #NORMALIZED} compares it. */
    public static String normalize(Action action) {
        String argument = action.argument();
        boolean bracketed = action.text().indexOf('[') > 0 && action.text().endsWith("]");
        String verb = collapse(action.verb());
        return bracketed ? verb + "[" + collapse(argument) + "]" : verb;
    }

    private static String collapse(String text) {
        return text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

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
    public static Agreement of(String id) {
        for (Agreement agreement : values()) {
            if (agreement.id().equals(id)) {
                return agreement;
            }
        }
        throw new IllegalArgumentException("unknown agreement '" + id + "'; allowed: "
                + Arrays.stream(values()).map(Agreement::id).toList());
    }

    @Override
    public String toString() {
        return id();
    }
}
