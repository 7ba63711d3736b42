package dev.kaizen.djl.policy;

import dev.kaizen.api.env.Action;

/**
 * One row of a context's softmax: a concrete action, or a free-text template whose filler is
 * then drawn from the {@link QueryModel}.
 *
 * @param action the concrete action, or null for a template row
 * @param template the template, or null for a concrete action
 * @param position the action's index among the observation's actions; -1 for templates and for
 *     actions given from outside
 */
record Row(Action action, String template, int position) {

    Row {
        if ((action == null) == (template == null)) {
            throw new IllegalArgumentException("a row is either an action or a template");
        }
    }

    boolean isTemplate() {
        return template != null;
    }

    /** The template filled with {@code filler}. */
    Action fill(String filler) {
        return new Action(template.replace("{}", filler));
    }

    /** The filler of {@code action} if it fits this template row, else null. */
    String fillerOf(Action action) {
        if (template == null) {
            return null;
        }
        int at = template.indexOf("{}");
        String prefix = template.substring(0, at);
        String suffix = template.substring(at + 2);
        String text = action.text();
        if (text.length() > prefix.length() + suffix.length() && text.startsWith(prefix) && text.endsWith(suffix)) {
            return text.substring(prefix.length(), text.length() - suffix.length());
        }
        return null;
    }
}
