package dev.kaizen.api.env;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An action as text, in the environment's own syntax, e.g. {@code search[red running shoes]} or
 * {@code click[Buy Now]} in web environments, {@code go to desk 1} in text worlds.
 *
 * <p>For the common {@code verb[argument]} form, {@link #verb()} and {@link #argument()} split it.
 * Serialised as a plain JSON string.
 *
 * @param text the action exactly as the environment reads it
 */
public record Action(String text) {

    public Action {
        requireNonNull(text, "text is null");
    }

    /** Wraps {@code text}. */
    @JsonCreator
    public static Action of(String text) {
        return new Action(text);
    }

    /** {@code verb[argument]}. */
    public static Action of(String verb, String argument) {
        return new Action(verb + "[" + argument + "]");
    }

    /** The part before {@code [} for {@code verb[argument]} actions, else the whole text, trimmed. */
    public String verb() {
        int open = text.indexOf('[');
        return (open > 0 && text.endsWith("]") ? text.substring(0, open) : text).trim();
    }

    /** The part inside the brackets for {@code verb[argument]} actions, else the empty string. */
    public String argument() {
        int open = text.indexOf('[');
        return open > 0 && text.endsWith("]") ? text.substring(open + 1, text.length() - 1) : "";
    }

    @JsonValue
    @Override
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
