package dev.kaizen.api.env;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.OrderedMaps;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the agent sees after a reset or a step.
 *
 * <p>{@link #actions()} are the concrete actions valid now (e.g. every clickable as
 * {@code click[value]}). {@link #templates()} are free-text actions valid now, each with one
 * {@code {}} placeholder the agent fills itself (e.g. {@code search[{}]}); the environment never
 * fills them in for the agent. An invalid action is not an error: the next observation explains
 * it in {@link #text()} and under the info key {@link #FEEDBACK}.
 *
 * @param text the page or state as text
 * @param actions concrete actions valid now, in display order
 * @param templates free-text action templates valid now, each containing {@code {}} at least once
 * @param done whether the episode has ended
 * @param reward the reward received for the action that led here (0 on reset)
 * @param info environment-specific visible facts (e.g. {@code page=item}); never hidden ground truth.
 *     The DJL scoring policy reads only values that name a kind of state: at most 24 characters,
 *     without digits or white space (e.g. {@code page=results}); longer values belong in {@link #text()}
 * @param descriptions what a concrete action refers to, keyed by action text, where the action alone
 *     does not say but the page shows it (e.g. {@code click[B07XYZ]} → the product's title and price);
 *     possibly empty
 */
public record Observation(String text, List<Action> actions, List<String> templates, boolean done,
                          double reward, Map<String, String> info, Map<String, String> descriptions) {

    /** Info key for feedback on an invalid action. */
    public static final String FEEDBACK = "feedback";

    public Observation {
        requireNonNull(text, "text is null");
        actions = actions == null ? List.of() : List.copyOf(actions);
        templates = templates == null ? List.of() : List.copyOf(templates);
        info = info == null ? Map.of() : OrderedMaps.copy(info, "info");
        descriptions = descriptions == null ? Map.of() : OrderedMaps.copy(descriptions, "descriptions");
        for (String template : templates) {
            if (!template.contains("{}")) {
                throw new IllegalArgumentException("template must contain at least one '{}' slot: " + template);
            }
        }
        if (Double.isNaN(reward) || Double.isInfinite(reward)) {
            throw new IllegalArgumentException("reward must be finite: " + reward);
        }
    }

    /** An observation without action descriptions. */
    public Observation(String text, List<Action> actions, List<String> templates, boolean done, double reward,
                       Map<String, String> info) {
        this(text, actions, templates, done, reward, info, Map.of());
    }

    /** What the page shows about {@code action} beyond its own text, or the empty string. */
    public String describe(Action action) {
        return descriptions.getOrDefault(action.text(), "");
    }

    /** Feedback on the last action if it was invalid, else the empty string. */
    public String feedback() {
        return info.getOrDefault(FEEDBACK, "");
    }

    /**
     * Whether {@code action} is one of {@link #actions()} or fits one of {@link #templates()}. An
     * action fits a template when it reads as the template with every {@code {}} slot filled by at
     * least one character, ignoring letter case: {@code put {} in {}} allows {@code Put mug in
     * cabinet 2}.
     */
    public boolean allows(Action action) {
        if (actions.contains(action)) {
            return true;
        }
        String text = action.text().toLowerCase(Locale.ROOT);
        for (String template : templates) {
            if (fits(text, template.toLowerCase(Locale.ROOT).split("\\{}", -1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code text} is {@code pieces} joined by non-empty slots. Each inner piece is matched at
     * its earliest place after the slot before it, which leaves the most room for the rest, so this
     * finds a fit whenever there is one.
     */
    private static boolean fits(String text, String[] pieces) {
        String first = pieces[0];
        String last = pieces[pieces.length - 1];
        int slots = pieces.length - 1;
        if (!text.startsWith(first) || !text.endsWith(last)) {
            return false;
        }
        int end = text.length() - last.length();
        int at = first.length();
        for (int k = 1; k < slots; k++) {
            int found = text.indexOf(pieces[k], at + 1);
            if (found < 0 || found + pieces[k].length() > end) {
                return false;
            }
            at = found + pieces[k].length();
        }
        return end - at >= 1;
    }
}
