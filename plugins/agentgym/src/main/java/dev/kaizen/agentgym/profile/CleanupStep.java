package dev.kaizen.agentgym.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of the clean-up AgentGym's client applies to the agent's text before it is sent. Exactly
 * one field is set.
 *
 * @param stripSuffix remove this text where the action ends with it (e.g. {@code </s>})
 * @param find keep what the expression matches (its group 1 where it has one), stripped of surrounding
 *     white space; text without a match is kept as it is
 * @param remove delete everything the expression matches (e.g. {@code [^A-Za-z0-9, ]+})
 * @param collapseWhitespace when true, runs of white space become one space and the ends are stripped
 * @param require refuse, with the match's message, text the expression does not match (the text is
 *     kept as it is otherwise)
 */
public record CleanupStep(String stripSuffix, TextMatch find, String remove, Boolean collapseWhitespace,
                          TextMatch require) {

    public CleanupStep {
        List<String> set = new ArrayList<>();
        if (stripSuffix != null) {
            set.add("stripSuffix");
        }
        if (find != null) {
            set.add("find");
        }
        if (remove != null) {
            set.add("remove");
            Fields.regex(remove, "remove", 0);
        }
        if (collapseWhitespace != null) {
            set.add("collapseWhitespace");
        }
        if (require != null) {
            set.add("require");
            if (require.message() == null) {
                throw new IllegalArgumentException("require.message is required: what the agent is told when its "
                        + "text does not match");
            }
        }
        if (set.size() != 1) {
            throw new IllegalArgumentException("a cleanup step does exactly one thing: one of [stripSuffix, find, "
                    + "remove, collapseWhitespace, require], got " + (set.isEmpty() ? "none" : set));
        }
        if (find != null && find.take() == TextMatch.Take.ONLY && find.message() == null) {
            throw new IllegalArgumentException("find with take: only needs a message for text with several matches");
        }
    }
}
