package dev.kaizen.llm.prompt;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.ActionValue;
import dev.kaizen.api.policy.Advice;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.llm.client.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders agent contexts as ReAct-style chat conversations.
 *
 * <p>The conversation is: a system message (format rules plus optional environment instructions);
 * then, for each shown step, a user turn with the observation and its valid actions and an
 * assistant turn {@code Action: <action>}; then a user turn with the current observation, preceded
 * by advice exemplars where the context has any. The first user turn starts with the task. Every
 * observation is rendered the same way wherever it appears, so a whole trajectory rendered as one
 * conversation (for supervised training) matches the prompts the policy sees step by step.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReactPrompt {

    /** The prefix of an action line, in replies and in rendered assistant turns. */
    public static final String ACTION_PREFIX = "Action: ";

    private final PromptOptions options;
    private final String systemText;

    public ReactPrompt(PromptOptions options) {
        this.options = requireNonNull(options, "options is null");
        this.systemText = options.instructions() == null ? options.systemPrompt()
                : options.systemPrompt() + "\n\n" + options.instructions();
    }

    public PromptOptions options() {
        return options;
    }

    /** This rendering without a history window (whole trajectories as one conversation). */
    public ReactPrompt withFullHistory() {
        return new ReactPrompt(options.withFullHistory());
    }

    /** The system message's text. */
    public String systemText() {
        return systemText;
    }

    /** The assistant turn for an action: {@code Action: <action>}. */
    public static String actionTurn(Action action) {
        return ACTION_PREFIX + action.text();
    }

    /** The conversation for deciding in {@code context}: ends with a user turn. */
    public List<ChatMessage> messages(AgentContext context) {
        return messages(context.task(), context.history(), context.observation(), context.advice());
    }

    /** The conversation for deciding after {@code history} at {@code current}. */
    public List<ChatMessage> messages(Task task, List<Step> history, Observation current, List<Advice> advice) {
        int shown = (int) Math.min(history.size(), (long) options.historyWindow());
        List<ChatMessage> out = new ArrayList<>(2 * shown + 2);
        out.add(ChatMessage.system(systemText));
        int omitted = history.size() - shown;
        boolean first = true;
        for (int i = omitted; i < history.size(); i++) {
            Step step = history.get(i);
            out.add(ChatMessage.user(userTurn(task, first, omitted, List.of(), step.observation())));
            out.add(ChatMessage.assistant(actionTurn(step.action())));
            first = false;
        }
        out.add(ChatMessage.user(userTurn(task, first, omitted, advice, current)));
        return out;
    }

    /**
     * A whole continuation as one conversation: the messages for its first step's context followed,
     * for each step, by the assistant's action and (except after the last) the next observation.
     * No history window applies to the continuation itself.
     */
    public List<ChatMessage> conversation(AgentContext start, List<Step> continuation) {
        if (continuation.isEmpty()) {
            throw new IllegalArgumentException("a conversation needs at least one step");
        }
        List<ChatMessage> out = new ArrayList<>(messages(start.task(), start.history(),
                continuation.get(0).observation(), List.of()));
        for (int j = 0; j < continuation.size(); j++) {
            out.add(ChatMessage.assistant(actionTurn(continuation.get(j).action())));
            if (j + 1 < continuation.size()) {
                out.add(ChatMessage.user(renderObservation(continuation.get(j + 1).observation())));
            }
        }
        return out;
    }

    private String userTurn(Task task, boolean first, int omitted, List<Advice> advice, Observation observation) {
        StringBuilder out = new StringBuilder(sizeOf(observation) + (first ? task.instruction().length() + 64 : 0));
        if (first) {
            out.append("Task: ").append(task.instruction()).append("\n\n");
            if (omitted > 0) {
                out.append("(The first ").append(omitted).append(omitted == 1 ? " step is" : " steps are")
                        .append(" not shown.)\n\n");
            }
        }
        if (!advice.isEmpty() && options.maxAdvice() > 0) {
            out.append(renderAdvice(advice)).append("\nNow the current situation.\n\n");
        }
        appendObservation(out, observation);
        return out.toString();
    }

    /** An observation with its valid actions and templates. */
    public String renderObservation(Observation observation) {
        StringBuilder out = new StringBuilder(sizeOf(observation));
        appendObservation(out, observation);
        return out.toString();
    }

    /** Roughly the length of a rendered observation, so that builders need not grow. */
    private int sizeOf(Observation observation) {
        int listed = Math.min(observation.actions().size(), options.maxActionsListed());
        return Math.min(observation.text().length(), options.maxObservationChars()) + 128 + 48 * listed
                + 24 * observation.templates().size();
    }

    private void appendObservation(StringBuilder out, Observation observation) {
        out.append("Observation:\n").append(cut(observation.text(), options.maxObservationChars()));
        List<Action> actions = observation.actions();
        List<String> templates = observation.templates();
        if (!actions.isEmpty()) {
            out.append("\n\nValid actions:");
            int listed = Math.min(actions.size(), options.maxActionsListed());
            for (int i = 0; i < listed; i++) {
                Action action = actions.get(i);
                out.append("\n- ").append(action.text());
                String description = observation.describe(action);
                if (!description.isBlank()) {
                    out.append(" (").append(description.strip()).append(')');
                }
            }
            if (listed < actions.size()) {
                out.append("\n(and ").append(actions.size() - listed).append(" more)");
            }
        }
        if (templates.size() == 1 && templates.get(0).equals("{}")) {
            out.append("\n\nAny action in the environment's own syntax is accepted (free text).");
        } else if (!templates.isEmpty()) {
            out.append("\n\nAction templates (replace {} with your own text):");
            for (String template : templates) {
                out.append("\n- ").append(template);
            }
        }
        if (actions.isEmpty() && templates.isEmpty()) {
            out.append("\n\nNo action is valid now.");
        }
    }

    /** Advice exemplars in Rememberer's form: each with encouraged and discouraged actions and their values. */
    public String renderAdvice(List<Advice> advice) {
        StringBuilder out = new StringBuilder(
                "Experiences from similar situations (Q is the value an action earned there; higher is better):\n");
        int shown = Math.min(advice.size(), options.maxAdvice());
        for (int i = 0; i < shown; i++) {
            Advice exemplar = advice.get(i);
            out.append("\nExperience ").append(i + 1)
                    .append(String.format(Locale.ROOT, " (similarity %.2f)", exemplar.similarity()))
                    .append("\nTask: ").append(exemplar.instruction())
                    .append("\nObservation: ").append(cut(exemplar.observation(), options.maxAdviceChars()).strip())
                    .append("\nEncouraged:");
            appendValues(out, exemplar.encouraged());
            out.append("\nDiscouraged:");
            appendValues(out, exemplar.discouraged());
            out.append('\n');
        }
        return out.toString();
    }

    private static void appendValues(StringBuilder out, List<ActionValue> values) {
        if (values.isEmpty()) {
            out.append("\n(none)");
        }
        for (ActionValue value : values) {
            out.append('\n').append(value.action().text())
                    .append(String.format(Locale.ROOT, " -> Q %.2f", value.value()));
        }
    }

    /** Keeps the start of long texts, marking the cut. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + " [...]";
    }
}
