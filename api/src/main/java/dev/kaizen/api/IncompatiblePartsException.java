package dev.kaizen.api;

/**
 * Two parts named in a recipe cannot work together, e.g. an optimiser given a policy it cannot
 * train. The message names both and what would work instead; the host reports it as bad input.
 */
public class IncompatiblePartsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public IncompatiblePartsException(String message) {
        super(message);
    }
}
