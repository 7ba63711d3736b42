package dev.kaizen.api.policy;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;

/**
 * One retrieved experience offered to a policy as advice: a similar earlier situation and the
 * values of the actions tried there. Neural policies may use the values as inputs; LLM policies
 * render it as an exemplar with encouraged and discouraged actions.
 *
 * @param instruction the instruction of the remembered task
 * @param observation the remembered observation text
 * @param actions the actions tried there with their values
 * @param similarity how similar the remembered situation is to the current one, in [0, 1]
 */
public record Advice(String instruction, String observation, List<ActionValue> actions, double similarity) {

    public Advice {
        requireNonNull(instruction, "instruction is null");
        requireNonNull(observation, "observation is null");
        actions = List.copyOf(requireNonNull(actions, "actions is null"));
        if (!(similarity >= 0 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must be in [0, 1]: " + similarity);
        }
    }

    /** Actions with a positive value, best first. */
    public List<ActionValue> encouraged() {
        return actions.stream().filter(a -> a.value() > 0)
                .sorted(Comparator.comparingDouble(ActionValue::value).reversed()).toList();
    }

    /** Actions whose value is zero or below, worst first. */
    public List<ActionValue> discouraged() {
        return actions.stream().filter(a -> a.value() <= 0)
                .sorted(Comparator.comparingDouble(ActionValue::value)).toList();
    }
}
