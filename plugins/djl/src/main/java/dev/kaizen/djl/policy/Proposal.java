package dev.kaizen.djl.policy;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Action;
import dev.kaizen.djl.text.SpanQuery;

/**
 * One candidate action of a context and where it came from.
 *
 * @param action the action
 * @param position its index among the observation's concrete actions, or -1 for template fills
 * @param template the template it fills, or null for concrete actions
 * @param query the instruction spans it was built from, or null (concrete actions, and fills given
 *     from outside that the generator did not propose)
 */
record Proposal(Action action, int position, String template, SpanQuery query) {

    Proposal {
        requireNonNull(action, "action is null");
    }

    boolean isFill() {
        return template != null;
    }
}
