package dev.kaizen.core;

/**
 * The user gave something the host cannot use: a recipe, an argument, a plugin set-up. The message
 * says what is wrong, where, and what is allowed; the command line prints it and exits with 2.
 * It is an {@link IllegalArgumentException}, so api methods that promise one may throw it.
 */
public class BadInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
