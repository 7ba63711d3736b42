package dev.kaizen.djl.optimizer;

import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.djl.policy.DjlScorerFactory;
import dev.kaizen.djl.policy.DjlScorerPolicy;

/** Checks that an optimiser was given a policy it can train. */
final class Trainables {

    private Trainables() {
    }

    /**
     * The policy as a {@link DjlScorerPolicy}.
     *
     * @throws IncompatiblePartsException naming what the optimiser can train
     */
    static DjlScorerPolicy require(Policy policy, String optimizer) {
        if (policy instanceof DjlScorerPolicy scorer) {
            return scorer;
        }
        String trainable = new DjlScorerFactory().name();
        throw new IncompatiblePartsException("optimizer '" + optimizer + "' can train only policy '" + trainable
                + "', but was given " + (policy == null ? "no policy" : policy.getClass().getName())
                + "; use policy type " + trainable + ", or an optimiser made for this policy");
    }
}
