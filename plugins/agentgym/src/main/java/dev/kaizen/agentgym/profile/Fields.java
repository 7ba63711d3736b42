package dev.kaizen.agentgym.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks shared by the profile's records; each throws an {@link IllegalArgumentException} naming the field. */
final class Fields {

    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9_./-]*");

    private Fields() {
    }

    /** An endpoint path such as {@code /reset}. */
    static String path(String value, String field) {
        if (value == null || !PATH.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be an endpoint path such as /reset, got "
                    + (value == null ? "nothing" : "'" + value + "'"));
        }
        return value;
    }

    /**
     * A JSON pointer into an answer ({@code /observation}, {@code /0} for an array's first element,
     * {@code ""} for the whole answer), or null where the field is optional.
     */
    static String pointer(String value, String field, boolean required) {
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException(field + " is required: a JSON pointer into the server's answer, "
                        + "e.g. /observation (\"\" for the whole answer)");
            }
            return null;
        }
        if (!value.isEmpty() && !value.startsWith("/")) {
            throw new IllegalArgumentException(field + " must be a JSON pointer such as /observation or /0 (\"\" for "
                    + "the whole answer), got '" + value + "'");
        }
        return value;
    }

    /** A regular expression, compiled. */
    static Pattern regex(String value, String field, int flags) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " is required: a regular expression");
        }
        try {
            return Pattern.compile(value, flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(field + " is not a valid regular expression (" + e.getDescription()
                    + " near index " + e.getIndex() + "): " + value);
        }
    }

    /** A request body: a JSON object (its {@code $instance}, {@code $task} and {@code $action} values are filled in). */
    static JsonNode body(JsonNode value, String field, String... placeholders) {
        if (value == null || value.isNull()) {
            if (placeholders.length > 0) {
                throw new IllegalArgumentException(field + " is required: a JSON object with "
                        + String.join(" and ", placeholders) + ", e.g. {id: $instance}");
            }
            return null;
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException(field + " must be a JSON object, got " + value);
        }
        for (String placeholder : placeholders) {
            if (!BodyTemplate.mentions(value, placeholder)) {
                throw new IllegalArgumentException(field + " has no " + placeholder + "; the request must carry it, "
                        + "e.g. {id: $instance, action: $action}");
            }
        }
        return value;
    }
}
