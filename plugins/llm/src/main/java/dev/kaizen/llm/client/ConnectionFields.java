package dev.kaizen.llm.client;

import static dev.kaizen.llm.client.ClientFields.atLeast;

import java.time.Duration;
import java.util.function.Function;

/**
 * The connection fields that the configs of the {@code llm} policy and the {@code llm-critic} share,
 * with their defaults filled in and checked: how many requests may be in flight, how long they may
 * take, and how failed requests are retried. Each config keeps these as fields of its own (recipes
 * name them at the top level of the part) and fills and checks them here; {@link #settings} turns
 * them, with the server, into the {@link ChatClientSettings} of the part's client.
 *
 * @param maxConcurrency the most requests in flight; default 64
 * @param requestTimeoutSeconds how long one request may take; default 120
 * @param connectTimeoutSeconds how long connecting may take; default 10
 * @param maxRetries retries of a failed request (429, 5xx, timeouts, broken or malformed answers); default 4
 * @param initialBackoffMillis the wait before the first retry, doubled each time; default 500
 * @param maxBackoffMillis the longest wait between retries; default 20000
 * @param maxRetryAfterSeconds the longest Retry-After honoured; default 120
 */
public record ConnectionFields(Integer maxConcurrency, Double requestTimeoutSeconds, Double connectTimeoutSeconds,
                               Integer maxRetries, Integer initialBackoffMillis, Integer maxBackoffMillis,
                               Double maxRetryAfterSeconds) {

    public static final int DEFAULT_MAX_CONCURRENCY = 64;
    public static final double DEFAULT_REQUEST_TIMEOUT_SECONDS = 120;
    public static final double DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
    public static final int DEFAULT_MAX_RETRIES = 4;
    public static final int DEFAULT_INITIAL_BACKOFF_MILLIS = 500;
    public static final int DEFAULT_MAX_BACKOFF_MILLIS = 20_000;
    public static final double DEFAULT_MAX_RETRY_AFTER_SECONDS = 120;

    /**
     * Fills the defaults of fields left out, then checks every field.
     *
     * @throws IllegalArgumentException naming the first field out of range and what is allowed
     */
    public ConnectionFields {
        maxConcurrency = maxConcurrency == null ? DEFAULT_MAX_CONCURRENCY : maxConcurrency;
        requestTimeoutSeconds = requestTimeoutSeconds == null ? DEFAULT_REQUEST_TIMEOUT_SECONDS : requestTimeoutSeconds;
        connectTimeoutSeconds = connectTimeoutSeconds == null ? DEFAULT_CONNECT_TIMEOUT_SECONDS : connectTimeoutSeconds;
        maxRetries = maxRetries == null ? DEFAULT_MAX_RETRIES : maxRetries;
        initialBackoffMillis = initialBackoffMillis == null ? DEFAULT_INITIAL_BACKOFF_MILLIS : initialBackoffMillis;
        maxBackoffMillis = maxBackoffMillis == null ? DEFAULT_MAX_BACKOFF_MILLIS : maxBackoffMillis;
        maxRetryAfterSeconds = maxRetryAfterSeconds == null ? DEFAULT_MAX_RETRY_AFTER_SECONDS : maxRetryAfterSeconds;

        atLeast("maxConcurrency", maxConcurrency, 1);
        atLeast("requestTimeoutSeconds", requestTimeoutSeconds, 0.001);
        atLeast("connectTimeoutSeconds", connectTimeoutSeconds, 0.001);
        atLeast("maxRetries", maxRetries, 0);
        atLeast("initialBackoffMillis", initialBackoffMillis, 0);
        atLeast("maxBackoffMillis", maxBackoffMillis, initialBackoffMillis);
        atLeast("maxRetryAfterSeconds", maxRetryAfterSeconds, 0);
    }

    /**
     * The settings of a client for the server at {@code baseUrl}.
     *
     * @param apiKeyEnv the name of the environment variable holding the key, or null for no key
     * @param jitterSeed the seed of the jitter on retry waits
     * @param environment looks up environment variables
     * @throws IllegalArgumentException if the URL is not an http(s) URL or the key's variable is not set
     */
    public ChatClientSettings settings(String baseUrl, String apiKeyEnv, long jitterSeed,
                                       Function<String, String> environment) {
        ApiKey key = apiKeyEnv == null ? null : ApiKey.fromEnvironment(apiKeyEnv, "apiKeyEnv", environment);
        return new ChatClientSettings(ClientFields.baseUrl(baseUrl, "baseUrl"), key, maxConcurrency,
                seconds(requestTimeoutSeconds), seconds(connectTimeoutSeconds), maxRetries,
                Duration.ofMillis(initialBackoffMillis), Duration.ofMillis(maxBackoffMillis),
                seconds(maxRetryAfterSeconds), jitterSeed);
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
