package dev.kaizen.agentgym.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A regular expression a cleanup step looks for in the action text.
 *
 * @param pattern the expression; group 1, where it has one, is what a {@code find} keeps
 * @param dotAll whether {@code .} also matches line breaks; default false
 * @param take {@code find}: which match is kept; default {@code last}
 * @param message {@code find} with {@code take: only}: what the agent is told when there are several
 *     matches; {@code require}: when there is none. The server is not asked; the step counts
 */
public record TextMatch(String pattern, Boolean dotAll, Take take, String message) {

    /** Which match a {@code find} keeps. */
    public enum Take {
        /** The first match. */
        FIRST,
        /** The last match. */
        LAST,
        /** The only match: several are refused with the message. */
        ONLY;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Take of(String id) {
            for (Take take : values()) {
                if (take.id().equals(id)) {
                    return take;
                }
            }
            throw new IllegalArgumentException("unknown take '" + id + "'; allowed: "
                    + Arrays.stream(values()).map(Take::id).toList());
        }
    }

    public TextMatch {
        dotAll = dotAll == null ? Boolean.FALSE : dotAll;
        take = take == null ? Take.LAST : take;
        Fields.regex(pattern, "pattern", dotAll ? Pattern.DOTALL : 0);
        message = message == null || message.isBlank() ? null : message;
    }

    /** The compiled expression. */
    public Pattern compiled() {
        return Pattern.compile(pattern, dotAll ? Pattern.DOTALL : 0);
    }
}
