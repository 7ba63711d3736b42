package dev.kaizen.agentgym;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.agentgym.profile.ActionList;
import dev.kaizen.agentgym.profile.ActionMode;
import dev.kaizen.agentgym.profile.ActionSource;
import dev.kaizen.agentgym.profile.InstanceQuery;
import dev.kaizen.agentgym.profile.ListRead;
import dev.kaizen.agentgym.profile.Profile;
import dev.kaizen.api.env.Action;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what an observation offers, as the profile says: the valid actions (from the answer, the
 * observation text, an endpoint or a hint) where the action mode lists them, and the free-text
 * templates where it offers them. A list that comes with the answer is also shown in the text the
 * way AgentGym's client shows it. Immutable and thread-safe.
 */
final class ValidActions {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What an observation offers.
     *
     * @param actions the concrete valid actions
     * @param templates the free-text templates
     * @param shown text to append to the observation (the list as AgentGym's client shows it), or ""
     */
    record Offer(List<Action> actions, List<String> templates, String shown) {
    }

    private final Profile profile;
    private final ActionMode mode;
    private final AgentGymClient client;
    private final String pathPrefix;
    private final Pattern textPattern;

    ValidActions(Profile profile, ActionMode mode, AgentGymClient client, String pathPrefix) {
        this.profile = profile;
        this.mode = mode;
        this.client = client;
        this.pathPrefix = pathPrefix;
        this.textPattern = profile.actions() != null && profile.actions().from() == ActionSource.TEXT
                ? profile.actions().compiledPattern() : null;
    }

    /**
     * What an observation offers after a reset or step.
     *
     * @param answer the server's answer to the reset or step
     * @param text the observation text the server sent
     * @param instance the episode's instance (for requests about it)
     * @param what the episode, for messages
     */
    Offer read(JsonNode answer, String text, JsonNode instance, String what) {
        ActionList list = profile.actions();
        List<String> templates = mode.freeText() ? profile.freeText() : List.of();
        if (list == null) {
            return new Offer(List.of(), templates, "");
        }
        List<String> items;
        boolean free = true;
        String candidate = null;
        switch (list.from()) {
            case ANSWER -> items = AnswerFields.strings(answer, list.pointer(), client.server(), what);
            case TEXT -> items = fromText(text);
            case ENDPOINT -> {
                if (!mode.lists() && list.templateFlag() == null) {
                    return new Offer(List.of(), templates, "");
                }
                JsonNode listed = get(list.request(), instance, what);
                items = AnswerFields.strings(listed, list.pointer(), client.server(), what);
                if (list.templateFlag() != null) {
                    free = AnswerFields.flag(listed, list.templateFlag(), client.server(), what);
                    if (free && mode == ActionMode.LIST) {
                        candidate = candidate(list.candidate(), instance, what);
                    }
                }
            }
            case HINT -> {
                if (!mode.lists()) {
                    return new Offer(List.of(), templates, "");
                }
                JsonNode hint = get(list.request(), instance, what);
                items = expand(AnswerFields.strings(hint, list.pointer(), client.server(), what),
                        AnswerFields.strings(hint, list.objects(), client.server(), what), list);
            }
            default -> throw new IllegalStateException("unknown action source " + list.from());
        }
        Set<Action> actions = new LinkedHashSet<>();
        if (candidate != null) {
            actions.add(Action.of(candidate));
        }
        for (String item : items) {
            if (!item.isEmpty() && !list.exclude().contains(item) && actions.size() < list.maxActions()) {
                actions.add(Action.of(list.format().replace("{}", item)));
            }
        }
        String shown = list.show() == null ? "" : list.show().replace("{}", String.join(list.showSeparator(),
                actions.stream().map(Action::text).toList()));
        return new Offer(mode.lists() ? List.copyOf(actions) : List.of(), free ? templates : List.of(), shown);
    }

    private List<String> fromText(String text) {
        Matcher m = textPattern.matcher(text);
        List<String> out = new ArrayList<>();
        if (!m.find()) {
            return out;
        }
        String listed = m.groupCount() >= 1 ? m.group(1) : m.group();
        try {
            JsonNode array = JSON.readTree(listed);
            if (array != null && array.isArray()) {
                array.forEach(item -> out.add(item.asText()));
            }
        } catch (JsonProcessingException e) {
            // not a JSON list: the text offers no actions this time
        }
        return out;
    }

    private JsonNode get(InstanceQuery request, JsonNode instance, String what) {
        return client.get(pathPrefix + request.path(), request.query(), instance.asText(), () -> what);
    }

    private String candidate(ListRead read, JsonNode instance, String what) {
        JsonNode answer = client.get(pathPrefix + read.path(), read.query(), instance.asText(), () -> what);
        String text = AnswerFields.text(answer, read.pointer(), client.server(), "GET " + read.path() + " for " + what)
                .strip();
        if (read.removePrefix() != null && text.startsWith(read.removePrefix())) {
            text = text.substring(read.removePrefix().length()).strip();
        }
        return text.isEmpty() ? null : read.format().replace("{}", text);
    }

    /** Each pattern with every object in place of each placeholder, in order, up to {@code maxActions}. */
    static List<String> expand(List<String> patterns, List<String> objects, ActionList list) {
        List<String> out = new ArrayList<>();
        for (String pattern : patterns) {
            fill(pattern, objects, list.placeholder(), out, list.maxActions());
            if (out.size() >= list.maxActions()) {
                break;
            }
        }
        return out;
    }

    private static void fill(String pattern, List<String> objects, String placeholder, List<String> out, int max) {
        int at = pattern.indexOf(placeholder);
        if (at < 0) {
            if (out.size() < max) {
                out.add(pattern);
            }
            return;
        }
        for (String object : objects) {
            if (out.size() >= max) {
                return;
            }
            String filled = pattern.substring(0, at) + object + pattern.substring(at + placeholder.length());
            if (filled.contains(placeholder)) {
                fill(filled, objects, placeholder, out, max);
            } else {
                out.add(filled);
            }
        }
    }
}
