package dev.kaizen.llm.trainer;

/**
 * The external trainer could not be run, failed, ran out of time, or its model never appeared on
 * the server. The message says which, with the command, the exit code and the end of its log.
 */
public class ExternalTrainerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExternalTrainerException(String message) {
        super(message);
    }

    public ExternalTrainerException(String message, Throwable cause) {
        super(message, cause);
    }
}
