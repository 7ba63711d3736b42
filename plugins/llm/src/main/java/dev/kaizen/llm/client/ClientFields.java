package dev.kaizen.llm.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks and converts the connection fields that the {@code llm} policy and critic configs share
 * into {@link ChatClientSettings}. Error messages name the config field and what is allowed.
 */
public final class ClientFields {

    public static final int DEFAULT_MAX_CONCURRENCY = 64;
    public static final double DEFAULT_REQUEST_TIMEOUT_SECONDS = 120;
    public static final double DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
    public static final int DEFAULT_MAX_RETRIES = 4;
    public static final int DEFAULT_INITIAL_BACKOFF_MILLIS = 500;
    public static final int DEFAULT_MAX_BACKOFF_MILLIS = 20_000;
    public static final double DEFAULT_MAX_RETRY_AFTER_SECONDS = 120;

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ClientFields() {
    }

    /**
     * Checks that {@code apiKeyEnv} names an environment variable; blank means none. Its value is
     * never echoed: a key pasted here by mistake must not end up in an error message or a log.
     */
    public static String apiKeyEnv(String apiKeyEnv) {
        if (apiKeyEnv == null || apiKeyEnv.isBlank()) {
            return null;
        }
        if (!VARIABLE_NAME.matcher(apiKeyEnv).matches()) {
            throw new IllegalArgumentException("apiKeyEnv must be the NAME of an environment variable "
                    + "(letters, digits and _), e.g. OPENAI_API_KEY; the value given is not a variable name "
                    + "(it is not shown here in case it is the key itself)");
        }
        return apiKeyEnv;
    }

    /**
     * Checks a base URL.
     *
     * @throws IllegalArgumentException naming the field, the value and what is allowed
     */
    public static URI baseUrl(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required: the server's OpenAI-compatible API root, "
                    + "e.g. http://localhost:8000/v1");
        }
        try {
            URI uri = new URI(value.strip());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an http:// or https:// URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + " must be an http:// or https:// URL such as "
                    + "http://localhost:8000/v1, got '" + value + "'");
        }
    }

    /** Checks that a number is at least {@code min}. */
    public static void atLeast(String field, Number value, double min) {
        if (!(value.doubleValue() >= min) || Double.isInfinite(value.doubleValue())) {
            throw new IllegalArgumentException(field + " must be a finite number >= " + trim(min) + ", got " + value);
        }
    }

    /**
     * Builds client settings.
     *
     * @param apiKeyEnv the name of the environment variable holding the key, or null for no key
     * @param environment looks up environment variables
     */
    public static ChatClientSettings settings(String baseUrl, String apiKeyEnv, int maxConcurrency,
                                              double requestTimeoutSeconds, double connectTimeoutSeconds,
                                              int maxRetries, int initialBackoffMillis, int maxBackoffMillis,
                                              double maxRetryAfterSeconds, long jitterSeed,
                                              Function<String, String> environment) {
        ApiKey key = apiKeyEnv == null ? null : ApiKey.fromEnvironment(apiKeyEnv, "apiKeyEnv", environment);
        return new ChatClientSettings(baseUrl(baseUrl, "baseUrl"), key, maxConcurrency,
                seconds(requestTimeoutSeconds), seconds(connectTimeoutSeconds), maxRetries,
                Duration.ofMillis(initialBackoffMillis), Duration.ofMillis(maxBackoffMillis),
                seconds(maxRetryAfterSeconds), jitterSeed);
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
