package dev.kaizen.djl.features;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.djl.text.TextProfile;
import dev.kaizen.djl.text.TextProfiles;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the history says: how often each action was taken, which were taken on the current page
 * (since the last free-text action or change of page type), the words of earlier fillers,
 * searches, the last action.
 */
final class History {

    private final Map<String, Integer> counts = new HashMap<>();
    private final Set<String> here = new HashSet<>();
    private final Set<String> queried = new HashSet<>();
    private final Action last;
    private int searches;
    private int stepsSinceSearch;

    History(List<Step> steps, Observation current, TextProfiles profiles) {
        String previousPage = null;
        for (Step step : steps) {
            Action action = step.action();
            counts.merge(action.text(), 1, Integer::sum);
            String page = step.observation().info().getOrDefault("page", "");
            if (previousPage != null && !previousPage.equals(page)) {
                here.clear();
            }
            previousPage = page;
            String filler = fillerOf(step);
            if (filler != null) {
                searches++;
                stepsSinceSearch = 0;
                here.clear();
                TextProfile words = profiles.of(filler);
                for (int t = 0; t < words.size(); t++) {
                    queried.add(words.token(t));
                }
            } else {
                stepsSinceSearch++;
                here.add(action.text());
            }
        }
        if (previousPage != null && !previousPage.equals(current.info().getOrDefault("page", ""))) {
            here.clear();
        }
        last = steps.isEmpty() ? null : steps.get(steps.size() - 1).action();
    }

    private static String fillerOf(Step step) {
        if (step.observation().actions().contains(step.action())) {
            return null;
        }
        for (String template : step.observation().templates()) {
            String filler = new Row(null, template, -1).fillerOf(step.action());
            if (filler != null) {
                return filler;
            }
        }
        return null;
    }

    int count(Action action) {
        return counts.getOrDefault(action.text(), 0);
    }

    boolean takenHere(Action action) {
        return here.contains(action.text());
    }

    boolean isLast(Action action) {
        return last != null && last.equals(action);
    }

    boolean queried(String token) {
        return queried.contains(token);
    }

    /** The free-text actions (fillers of templates) taken so far. */
    int searches() {
        return searches;
    }

    /** The steps since the last free-text action (all steps if there was none). */
    int stepsSinceSearch() {
        return stepsSinceSearch;
    }

    /** The last action taken, or null at the first step. */
    Action last() {
        return last;
    }
}
