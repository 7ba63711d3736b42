package dev.kaizen.llm.client;

import java.time.Duration;

/** A retryable failure whose answer carried a {@code Retry-After} header: the retry waits at least that long. */
final class RetryAfterException extends LlmServerException {

    private static final long serialVersionUID = 1L;

    private final transient Duration waitFor;

    RetryAfterException(String endpoint, int status, String serverMessage, String message, Duration waitFor) {
        super(endpoint, status, serverMessage, true, message, null);
        this.waitFor = waitFor;
    }

    /** How long the server asked to wait. */
    Duration waitFor() {
        return waitFor;
    }
}
