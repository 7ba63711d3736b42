package dev.kaizen.agentgym.profile;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a profile's cleanup steps to an action's text, as AgentGym's client does to the model's
 * reply before it sends it. Immutable and thread-safe.
 */
public final class ActionCleanup {

    /**
     * The outcome: the text to send, or the message AgentGym's client answers with instead of asking
     * the server.
     *
     * @param text the cleaned text, or null when refused
     * @param refusal the message, or null
     */
    public record Cleaned(String text, String refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    private record Compiled(CleanupStep step, Pattern pattern) {
    }

    private final List<Compiled> steps;

    public ActionCleanup(List<CleanupStep> steps) {
        List<Compiled> compiled = new ArrayList<>();
        for (CleanupStep step : requireNonNull(steps, "steps is null")) {
            Pattern pattern = step.find() != null ? step.find().compiled()
                    : step.require() != null ? step.require().compiled()
                    : step.remove() != null ? Pattern.compile(step.remove()) : null;
            compiled.add(new Compiled(step, pattern));
        }
        this.steps = List.copyOf(compiled);
    }

    /** Cleans {@code text}. */
    public Cleaned apply(String text) {
        String current = requireNonNull(text, "text is null");
        for (Compiled compiled : steps) {
            CleanupStep step = compiled.step();
            if (step.stripSuffix() != null) {
                if (!step.stripSuffix().isEmpty() && current.endsWith(step.stripSuffix())) {
                    current = current.substring(0, current.length() - step.stripSuffix().length());
                }
            } else if (step.find() != null) {
                List<String> found = new ArrayList<>();
                Matcher m = compiled.pattern().matcher(current);
                while (m.find()) {
                    found.add(m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group());
                }
                if (found.size() > 1 && step.find().take() == TextMatch.Take.ONLY) {
                    return new Cleaned(null, step.find().message());
                }
                if (!found.isEmpty()) {
                    current = (step.find().take() == TextMatch.Take.FIRST ? found.get(0)
                            : found.get(found.size() - 1)).strip();
                }
            } else if (step.remove() != null) {
                current = compiled.pattern().matcher(current).replaceAll("");
            } else if (step.collapseWhitespace() != null) {
                if (step.collapseWhitespace()) {
                    current = current.strip().replaceAll("\\s+", " ");
                }
            } else if (!compiled.pattern().matcher(current).find()) {
                return new Cleaned(null, step.require().message());
            }
        }
        return new Cleaned(current, null);
    }
}
