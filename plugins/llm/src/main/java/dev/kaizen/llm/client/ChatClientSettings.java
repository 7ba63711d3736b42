package dev.kaizen.llm.client;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;

/**
 * How a {@link ChatClient} talks to its server.
 *
 * @param baseUrl the API root, e.g. {@code http://localhost:8000/v1}; requests go to
 *     {@code baseUrl + "/chat/completions"}
 * @param apiKey the key sent as a bearer token, or null for servers without authentication
 * @param maxConcurrency the most requests in flight at once
 * @param requestTimeout how long one request may take before it counts as failed (and is retried)
 * @param connectTimeout how long connecting may take
 * @param maxRetries how many times a failed request (429, 5xx, timeout, broken connection,
 *     malformed body) is retried
 * @param initialBackoff the wait before the first retry; doubled for each further one
 * @param maxBackoff the longest wait between retries (a server's Retry-After may ask for longer)
 * @param maxRetryAfter the longest Retry-After the client honours; a longer one fails the request
 * @param jitterSeed the seed for the jitter on backoffs
 */
public record ChatClientSettings(URI baseUrl, ApiKey apiKey, int maxConcurrency, Duration requestTimeout,
                                 Duration connectTimeout, int maxRetries, Duration initialBackoff,
                                 Duration maxBackoff, Duration maxRetryAfter, long jitterSeed) {

    public ChatClientSettings {
        requireNonNull(baseUrl, "baseUrl is null");
        requireNonNull(requestTimeout, "requestTimeout is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(initialBackoff, "initialBackoff is null");
        requireNonNull(maxBackoff, "maxBackoff is null");
        requireNonNull(maxRetryAfter, "maxRetryAfter is null");
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be >= 1: " + maxConcurrency);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0: " + maxRetries);
        }
    }

    /** The chat-completions endpoint. */
    public URI chatCompletions() {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base + "chat/completions" : base + "/chat/completions");
    }

    /** The model-listing endpoint ({@code GET baseUrl/models}). */
    public URI models() {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base + "models" : base + "/models");
    }

    /** {@code text} with the API key removed, where there is one (see {@link ApiKey#redact}). */
    String redact(String text) {
        return apiKey == null ? text : apiKey.redact(text);
    }

    /** These settings with another base URL. */
    public ChatClientSettings withBaseUrl(URI newBaseUrl) {
        return new ChatClientSettings(newBaseUrl, apiKey, maxConcurrency, requestTimeout, connectTimeout, maxRetries,
                initialBackoff, maxBackoff, maxRetryAfter, jitterSeed);
    }
}
