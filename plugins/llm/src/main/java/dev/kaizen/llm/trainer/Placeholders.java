package dev.kaizen.llm.trainer;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {name}} placeholders of a {@code trl} optimiser's command, environment, working
 * directory and templates (see {@link TrlOptimizerConfig}), and the iteration's name they use.
 * Stateless.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private Placeholders() {
    }

    /** Replaces {@code {name}} placeholders with their values; a placeholder without a value stays. */
    static String substitute(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A label as a file name: {@code iter-2/dpo} becomes {@code iter-2-dpo}. */
    static String fileName(String label) {
        String cleaned = label.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return cleaned.isEmpty() ? "batch" : cleaned;
    }
}
