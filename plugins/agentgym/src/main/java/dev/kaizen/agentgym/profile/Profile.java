package dev.kaizen.agentgym.profile;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One family of AgentGym servers as data: its requests and answers, how its valid actions are read,
 * the clean-up AgentGym's client applies to the agent's text, its success rule and the instructions
 * AgentGym gives its agent. Immutable.
 *
 * @param name the profile's name ({@code environment.profile}); lowercase, e.g. {@code alfworld}
 * @param description one line: the family and the AgentGym package that serves it
 * @param itemPrefix AgentTraj item ids are {@code <itemPrefix>_<task index>}; default the name
 * @param pathPrefix put before every path (LMRL-Gym serves the maze under {@code /maze}); default none.
 *     A base URL that already ends with it is used as it is
 * @param identity a GET path whose answer names the server (recorded with the run); default {@code /}
 * @param create how an instance is created
 * @param reset how an instance is reset to a task
 * @param step how an action is sent
 * @param observe a GET that reads the current observation, where reset answers do not carry it; or null
 * @param close how an instance is closed; null when the server has no such request
 * @param actions how the valid actions are read; null when the family has no list
 * @param freeText templates for actions the agent writes itself, each with {@code {}} (e.g. {@code {}},
 *     {@code search[{}]}); empty when every action must come from the list
 * @param mode the default {@link ActionMode}: which of the two an observation offers
 * @param cleanup the clean-up of the agent's text before it is sent, in order
 * @param scoring rewards and the success rule
 * @param maxInstances the most instances the server keeps apart (SQLGym hands out its first 8 again);
 *     null for no known limit
 * @param instructions what AgentGym's client tells its agent before the first observation (its
 *     {@code conversation_start}); the task's instruction in Kaizen
 */
public record Profile(String name, String description, String itemPrefix, String pathPrefix, String identity,
                      CreateCall create, ResetCall reset, StepCall step, InstanceQuery observe, CloseCall close,
                      ActionList actions, List<String> freeText, ActionMode mode, List<CleanupStep> cleanup,
                      Scoring scoring, Integer maxInstances, String instructions) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public Profile {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name is required: lowercase letters, digits and dashes, e.g. alfworld; got "
                    + (name == null ? "nothing" : "'" + name + "'"));
        }
        description = description == null ? name : description.strip();
        itemPrefix = itemPrefix == null || itemPrefix.isBlank() ? name : itemPrefix;
        pathPrefix = pathPrefix == null || pathPrefix.isEmpty() ? "" : Fields.path(pathPrefix, "pathPrefix");
        if (pathPrefix.endsWith("/")) {
            throw new IllegalArgumentException("pathPrefix must not end with /, got '" + pathPrefix + "'");
        }
        identity = Fields.path(identity == null ? "/" : identity, "identity");
        create = create == null ? new CreateCall(null, null, "/id") : create;
        if (reset == null) {
            throw new IllegalArgumentException("reset is required: at least its body, e.g. {id: $instance, data_idx: $task}");
        }
        if (step == null) {
            throw new IllegalArgumentException("step is required: its body and where the answer's observation, "
                    + "reward and done are");
        }
        if (reset.observation() == null && observe == null) {
            throw new IllegalArgumentException("the first observation comes from nowhere: give reset.observation (a "
                    + "pointer into the reset answer) or observe (a GET such as {path: /observation, query: id})");
        }
        freeText = freeText == null ? List.of() : List.copyOf(freeText);
        for (String template : freeText) {
            if (!template.contains("{}")) {
                throw new IllegalArgumentException("freeText templates must contain {} where the agent's text goes, got '"
                        + template + "'");
            }
        }
        mode = mode == null ? (actions == null ? ActionMode.FREE_TEXT : freeText.isEmpty() ? ActionMode.LIST
                : ActionMode.BOTH) : mode;
        cleanup = cleanup == null ? List.of() : List.copyOf(cleanup);
        scoring = scoring == null ? Scoring.defaults() : scoring;
        if (maxInstances != null && maxInstances < 1) {
            throw new IllegalArgumentException("maxInstances must be >= 1, got " + maxInstances);
        }
        instructions = instructions == null || instructions.isBlank() ? null : instructions.strip();
        check(name, actions, freeText, mode, "mode");
    }

    /**
     * Checks that this profile can offer what {@code wanted} asks for.
     *
     * @param field the config field that asks, for the message
     * @throws IllegalArgumentException saying what the profile offers instead
     */
    public void check(ActionMode wanted, String field) {
        check(name, actions, freeText, wanted, field);
    }

    private static void check(String name, ActionList actions, List<String> freeText, ActionMode wanted, String field) {
        if (wanted.lists() && actions == null) {
            throw new IllegalArgumentException(field + " " + wanted + ": profile " + name + " reads no list of valid "
                    + "actions; its actions are free text (" + ActionMode.FREE_TEXT + ")");
        }
        if (wanted.freeText() && freeText.isEmpty()) {
            throw new IllegalArgumentException(field + " " + wanted + ": profile " + name + " has no free-text "
                    + "templates; every action comes from its list (" + ActionMode.LIST + ")");
        }
        if (wanted == ActionMode.LIST && actions.templateFlag() != null && actions.candidate() == null) {
            throw new IllegalArgumentException(field + " list: profile " + name + " needs free text while "
                    + actions.templateFlag() + " is true and names no candidate in its place");
        }
    }
}
