package dev.kaizen.llm.client;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

/**
 * A secret API key read from an environment variable. Only the variable's name is ever shown:
 * {@link #toString()} prints the name, and {@link #redact(String)} removes the key from text
 * (e.g. an error message a server echoes back) before it is logged or thrown. Immutable.
 */
public final class ApiKey {

    private static final String REDACTED = "[redacted]";

    private final String variable;
    private final String secret;

    private ApiKey(String variable, String secret) {
        this.variable = variable;
        this.secret = secret;
    }

    /**
     * Reads the key from the environment variable {@code variable}.
     *
     * @param field the config field that named the variable, for the error message
     * @param environment looks up environment variables ({@code System::getenv} in production)
     * @throws IllegalArgumentException if the variable is unset or blank
     */
    public static ApiKey fromEnvironment(String variable, String field, Function<String, String> environment) {
        requireNonNull(variable, "variable is null");
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("environment variable '" + variable + "' named by " + field
                    + " is not set; export it before the run, or remove " + field
                    + " for a server without authentication");
        }
        return new ApiKey(variable, value.strip());
    }

    /** The name of the environment variable the key came from. */
    public String variable() {
        return variable;
    }

    /** The value of the {@code Authorization} header. Never log it. */
    String authorization() {
        return "Bearer " + secret;
    }

    /** {@code text} with every occurrence of the key replaced by {@code [redacted]}. */
    public String redact(String text) {
        if (text == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, REDACTED);
    }

    @Override
    public String toString() {
        return "ApiKey[from $" + variable + "]";
    }
}
