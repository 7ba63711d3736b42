package dev.kaizen.llm.client;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one chat request with retries: a failure a retry could cure (see {@link ChatTransport}) is
 * retried up to {@link ChatClientSettings#maxRetries()} times after a {@link Backoff} wait; a server
 * that asks to wait longer than {@link ChatClientSettings#maxRetryAfter()} fails the request at once.
 * The settings are read once per request, so a request keeps its server when the client is pointed
 * at another. No capability fallbacks here ({@link ChatClient} does those). Thread-safe.
 */
final class RetryingSender {

    /** Logged as the client: its log is the one users set a level for. */
    private static final Logger LOG = LoggerFactory.getLogger(ChatClient.class);

    private final ChatTransport transport;
    private final ChatRequestWriter writer = new ChatRequestWriter();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    RetryingSender(ChatTransport transport) {
        this.transport = transport;
    }

    /** The retries so far. */
    long retries() {
        return retries.get();
    }

    /** The requests that failed for good so far. */
    long failures() {
        return failures.get();
    }

    /** One request with retries, to the server {@code current} names. */
    ChatResponse send(ChatClientSettings current, ChatRequest request) {
        URI endpoint = current.chatCompletions();
        byte[] body = writer.write(request);
        LlmServerException last = null;
        for (int attempt = 0; attempt <= current.maxRetries(); attempt++) {
            if (attempt > 0) {
                retries.incrementAndGet();
                sleep(Backoff.delay(current, request, attempt - 1, last));
            }
            try {
                return transport.attempt(current, endpoint, body);
            } catch (LlmServerException e) {
                last = e;
                if (!e.retryable()) {
                    failures.incrementAndGet();
                    throw e;
                }
                if (e instanceof RetryAfterException tooLong
                        && tooLong.waitFor().compareTo(current.maxRetryAfter()) > 0) {
                    failures.incrementAndGet();
                    throw new LlmServerException(endpoint.toString(), e.status(), e.serverMessage(), false,
                            endpoint + " asked to retry after " + tooLong.waitFor().toSeconds() + " s, longer than "
                                    + "maxRetryAfter (" + current.maxRetryAfter().toSeconds() + " s): "
                                    + e.getMessage(), e);
                }
                LOG.debug("attempt {} of {} failed: {}", attempt + 1, current.maxRetries() + 1, e.getMessage());
            }
        }
        failures.incrementAndGet();
        throw new LlmServerException(endpoint.toString(), last.status(), last.serverMessage(), false,
                last.getMessage() + " (gave up after " + (current.maxRetries() + 1) + " attempts)", last);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
