package dev.kaizen.household.play;

import java.util.Locale;

/** What a command does. */
public enum Verb {
    GO, OPEN, CLOSE, TAKE, PUT, CLEAN, HEAT, COOL, USE, EXAMINE, INVENTORY, LOOK;

    /** The lowercase name, used as the observation's {@code event}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
