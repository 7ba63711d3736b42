package dev.kaizen.api.policy;

import dev.kaizen.api.Checkpointable;
import dev.kaizen.api.env.Action;
import java.util.List;

/**
 * A policy whose parameters can be trained (by an optimiser that knows its kind), scored,
 * copied and checkpointed.
 *
 * <p>Optimisers are specific to a policy implementation; an optimiser given a policy it cannot
 * train throws {@link dev.kaizen.api.IncompatiblePartsException}.
 */
public interface TrainablePolicy extends Policy, Checkpointable {

    /**
     * {@code log π(actions[i] | contexts[i])} for every i, in one batch. The action need not be one
     * the policy would propose (e.g. an expert's free-text query); it is scored as if it were.
     *
     * @throws IllegalArgumentException if the lists differ in length
     */
    double[] logProbabilities(List<AgentContext> contexts, List<Action> actions);

    /** A frozen copy of the current parameters: later training of this policy does not change it. */
    TrainablePolicy frozenCopy();
}
