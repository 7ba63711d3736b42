package dev.kaizen.api.env;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.OrderedMaps;
import java.util.List;
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
 * @param templates free-text action templates valid now, each containing {@code {}} once
 * @param done whether the episode has ended
 * @param reward the reward received for the action that led here (0 on reset)
 * @param info environment-specific visible facts (e.g. {@code page=item}); never hidden ground truth
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
            int at = template.indexOf("{}");
            if (at < 0 || template.indexOf("{}", at + 2) >= 0) {
                throw new IllegalArgumentException("template must contain '{}' exactly once: " + template);
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

    /** Whether {@code action} is one of {@link #actions()} or fits one of {@link #templates()}. */
    public boolean allows(Action action) {
        if (actions.contains(action)) {
            return true;
        }
        String text = action.text();
        for (String template : templates) {
            int at = template.indexOf("{}");
            String prefix = template.substring(0, at);
            String suffix = template.substring(at + 2);
            if (text.length() > prefix.length() + suffix.length()
                    && text.startsWith(prefix) && text.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
