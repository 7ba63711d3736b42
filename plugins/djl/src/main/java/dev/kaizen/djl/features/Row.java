package dev.kaizen.djl.features;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.policy.AgentContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One row of a context's softmax: a concrete action, or a free-text template whose filler is
 * then written with the instruction's tokens.
 *
 * @param action the concrete action, or null for a template row
 * @param template the template, or null for a concrete action
 * @param position the action's index among the observation's actions; -1 for templates and for
 *     actions given from outside
 */
public record Row(Action action, String template, int position) {

    public Row {
        if ((action == null) == (template == null)) {
            throw new IllegalArgumentException("a row is either an action or a template");
        }
    }

    /**
     * The rows of {@code context}: the observation's concrete actions (display order, each once),
     * then its templates; {@code extra} (nullable) is added as a concrete row if it is neither an
     * action nor a filler of a template.
     */
    static List<Row> rowsOf(AgentContext context, Action extra) {
        Observation observation = context.observation();
        Map<Action, Row> concrete = new LinkedHashMap<>();
        List<Row> templates = new ArrayList<>();
        if (!observation.done()) {
            List<Action> actions = observation.actions();
            for (int i = 0; i < actions.size(); i++) {
                concrete.putIfAbsent(actions.get(i), new Row(actions.get(i), null, i));
            }
            for (String template : new LinkedHashSet<>(observation.templates())) {
                templates.add(new Row(null, template, -1));
            }
        }
        if (extra != null && !concrete.containsKey(extra)
                && templates.stream().noneMatch(t -> t.fillerOf(extra) != null)) {
            concrete.put(extra, new Row(extra, null, -1));
        }
        List<Row> rows = new ArrayList<>(concrete.values());
        rows.addAll(templates);
        return rows;
    }

    /** Whether this row is a free-text template. */
    public boolean isTemplate() {
        return template != null;
    }

    /** The template filled with {@code filler}. */
    public Action fill(String filler) {
        return new Action(template.replace("{}", filler));
    }

    /** The filler of {@code action} if it fits this template row, else null. */
    public String fillerOf(Action action) {
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
