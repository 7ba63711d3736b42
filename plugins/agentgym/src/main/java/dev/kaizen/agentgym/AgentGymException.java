package dev.kaizen.agentgym;

/**
 * An AgentGym server failed a request: it answered with an error (also the {@code {"error": ...}}
 * bodies these servers send with status 200), sent something unreadable, or did not answer in time.
 * The message names the server, the request, the task and the server's own words. Thrown from an
 * episode, it fails that episode; the run goes on.
 */
public class AgentGymException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AgentGymException(String message) {
        super(message);
    }

    public AgentGymException(String message, Throwable cause) {
        super(message, cause);
    }
}
