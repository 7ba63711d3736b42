package dev.kaizen.core.recipe;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" for misspelt names: the known name nearest to the one given, if it is near enough. */
final class Suggestions {

    private Suggestions() {
    }

    /**
     * The name in {@code known} fewest edits away from {@code given} (ignoring case), if it is at
     * most two edits away, or a third of {@code given}'s length for longer names; ties go to the
     * first in alphabetical order.
     */
    static Optional<String> closest(String given, Collection<String> known) {
        LevenshteinDistance distance = new LevenshteinDistance(Math.max(2, given.length() / 3));
        String lower = given.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : new TreeSet<>(known)) {
            int edits = distance.apply(lower, name.toLowerCase(Locale.ROOT));
            if (edits >= 0 && edits < bestDistance) {
                best = name;
                bestDistance = edits;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code "; did you mean 'NAME'?"} for the {@link #closest} name, or {@code ""} if none is near. */
    static String didYouMean(String given, Collection<String> known) {
        return closest(given, known).map(name -> "; did you mean '" + name + "'?").orElse("");
    }
}
