package dev.kaizen.llm.client;

/**
 * A chat request that failed: the server answered with an error, sent something unreadable, or did
 * not answer in time (after the retries). The message names the endpoint, the status and the
 * server's own message; it never contains the API key.
 */
public class LlmServerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Status for failures without an HTTP answer (timeouts, refused connections). */
    public static final int NO_ANSWER = -1;

    private final String endpoint;
    private final int status;
    private final String serverMessage;
    private final boolean retryable;

    public LlmServerException(String endpoint, int status, String serverMessage, boolean retryable, String message,
                              Throwable cause) {
        super(message, cause);
        this.endpoint = endpoint;
        this.status = status;
        this.serverMessage = serverMessage;
        this.retryable = retryable;
    }

    /** The URL that was called. */
    public String endpoint() {
        return endpoint;
    }

    /** The HTTP status, or {@link #NO_ANSWER}. */
    public int status() {
        return status;
    }

    /** What the server said about the error, if anything. */
    public String serverMessage() {
        return serverMessage;
    }

    /** Whether another attempt could succeed (429, 5xx, timeouts, broken connections, malformed bodies). */
    public boolean retryable() {
        return retryable;
    }

    /** Whether the server rejected the request itself (400 or 422): a parameter it does not accept. */
    public boolean badRequest() {
        return status == 400 || status == 422;
    }
}
