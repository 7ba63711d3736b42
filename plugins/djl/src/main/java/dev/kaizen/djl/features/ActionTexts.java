package dev.kaizen.djl.features;

import dev.kaizen.api.env.Action;
import dev.kaizen.djl.text.BoundedCache;
import dev.kaizen.djl.text.TextProfile;
import dev.kaizen.djl.text.TextProfiles;
import java.util.Locale;

/**
 * The {@link ActionText} of each action text, worked out once and kept; cleared when full (results
 * never depend on what is kept). Thread-safe.
 */
final class ActionTexts {

    /** Action texts kept; cleared when full. */
    private final BoundedCache<String, ActionText> known = new BoundedCache<>(20_000);
    private final TextProfiles profiles;
    private final RoleBuckets roles;

    ActionTexts(TextProfiles profiles, RoleBuckets roles) {
        this.profiles = profiles;
        this.roles = roles;
    }

    /** The text of {@code action}. */
    ActionText of(Action action) {
        return known.get(action.text(), text -> describe(action));
    }

    private ActionText describe(Action action) {
        TextProfile argument = profiles.of(action.argument().isEmpty() ? action.text() : action.argument());
        String verb = action.verb().toLowerCase(Locale.ROOT);
        // short arguments name buttons and options; identifiers (letters mixed with digits) are not
        // kept, so that no product is remembered by its id
        int argumentRole = argument.size() <= 3 && !hasIdentifier(argument)
                ? roles.argument(argument.text().toLowerCase(Locale.ROOT)) : -1;
        return new ActionText(argument, roles.verb(verb), roles.verbOnPage(verb), argumentRole);
    }

    /** Whether a token mixes letters and digits, as product ids do. */
    private static boolean hasIdentifier(TextProfile text) {
        for (int t = 0; t < text.size(); t++) {
            String token = text.token(t);
            boolean digit = false;
            boolean letter = false;
            for (int i = 0; i < token.length() && !(digit && letter); i++) {
                char c = token.charAt(i);
                digit |= Character.isDigit(c);
                letter |= Character.isLetter(c);
            }
            if (digit && letter) {
                return true;
            }
        }
        return false;
    }
}
