package dev.kaizen.agentgym.profile;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a profile reads the valid actions of an observation.
 *
 * @param from where they are (required)
 * @param pointer {@code answer}: the JSON pointer to the list in reset and step answers;
 *     {@code endpoint}: the list in the endpoint's answer; {@code hint}: the action patterns
 * @param pattern {@code text}: a regular expression whose group 1 is the list as a JSON array
 * @param request {@code endpoint} and {@code hint}: the GET request
 * @param format how a listed item becomes an action, e.g. {@code click[{}]}; default {@code {}}
 * @param exclude listed items that are not offered (e.g. WebShop's {@code search} button)
 * @param templateFlag {@code endpoint}: a JSON pointer to a boolean in the answer; while it is true the
 *     profile's free-text templates are offered (WebShop's {@code has_search_bar}); null: always
 * @param candidate {@code endpoint} with {@code templateFlag}: in {@code list} mode, a concrete action
 *     offered in place of the templates while the flag is true, read from the server (WebShop: a search
 *     for the instruction's own words); null for none
 * @param objects {@code hint}: the JSON pointer to the objects that fill the patterns
 * @param placeholder {@code hint}: the word in a pattern that an object replaces; default {@code OBJ}
 * @param maxActions the most actions offered (a hint's patterns times objects can be many); default 500
 * @param show text AgentGym's client appends to the observation to list the actions: {@code {}} is
 *     replaced by the actions joined with {@code showSeparator}; null shows nothing
 * @param showSeparator default {@code ,}
 */
public record ActionList(ActionSource from, String pointer, String pattern, InstanceQuery request, String format,
                         List<String> exclude, String templateFlag, ListRead candidate, String objects,
                         String placeholder, Integer maxActions, String show, String showSeparator) {

    public ActionList {
        if (from == null) {
            throw new IllegalArgumentException("actions.from is required: one of [answer, text, endpoint, hint]");
        }
        format = format == null ? "{}" : format;
        if (!format.contains("{}")) {
            throw new IllegalArgumentException("actions.format must contain {} where the listed item goes, got '"
                    + format + "'");
        }
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        placeholder = placeholder == null || placeholder.isBlank() ? "OBJ" : placeholder;
        maxActions = maxActions == null ? 500 : maxActions;
        showSeparator = showSeparator == null ? "," : showSeparator;
        if (maxActions < 1) {
            throw new IllegalArgumentException("actions.maxActions must be >= 1, got " + maxActions);
        }
        if (show != null && !show.contains("{}")) {
            throw new IllegalArgumentException("actions.show must contain {} where the actions go, got '" + show + "'");
        }
        switch (from) {
            case ANSWER -> pointer = Fields.pointer(pointer, "actions.pointer", true);
            case TEXT -> Fields.regex(pattern, "actions.pattern", Pattern.DOTALL);
            case ENDPOINT -> {
                requireRequest(request, from);
                pointer = Fields.pointer(pointer == null ? "" : pointer, "actions.pointer", true);
            }
            case HINT -> {
                requireRequest(request, from);
                pointer = Fields.pointer(pointer, "actions.pointer", true);
                objects = Fields.pointer(objects, "actions.objects", true);
            }
        }
        templateFlag = Fields.pointer(templateFlag, "actions.templateFlag", false);
        if (templateFlag != null && from != ActionSource.ENDPOINT) {
            throw new IllegalArgumentException("actions.templateFlag applies to from: endpoint only");
        }
        if (candidate != null && templateFlag == null) {
            throw new IllegalArgumentException("actions.candidate needs actions.templateFlag: it stands in for the "
                    + "templates while the flag is true");
        }
    }

    private static void requireRequest(InstanceQuery request, ActionSource from) {
        if (request == null) {
            throw new IllegalArgumentException("actions.request is required with from: " + from
                    + ", e.g. {path: /available_actions, query: id}");
        }
    }

    /** The compiled {@link #pattern}. */
    public Pattern compiledPattern() {
        return Pattern.compile(pattern, Pattern.DOTALL);
    }
}
