package dev.kaizen.household.play;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Action;

/**
 * A valid action in a given state, resolved to what it acts on.
 *
 * @param verb what it does
 * @param receptacle the receptacle it acts on or at, or -1
 * @param item the object it acts on, or -1
 * @param text the action as observations list it, e.g. {@code take mug 1 from countertop 1}
 */
public record Command(Verb verb, int receptacle, int item, String text) {

    public Command {
        requireNonNull(verb, "verb is null");
        requireNonNull(text, "text is null");
    }

    /** The action an agent sends for this command. */
    public Action action() {
        return Action.of(text);
    }
}
