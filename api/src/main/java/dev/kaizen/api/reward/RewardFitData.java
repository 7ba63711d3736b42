package dev.kaizen.api.reward;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.policy.TrainablePolicy;
import dev.kaizen.api.trajectory.PreferencePair;
import java.util.List;

/**
 * Data to fit a reward model on.
 *
 * @param pairs step-level pairs: {@code chosen} is the expert's (better) step, {@code rejected}
 *     the agent's, in the same context; a discriminator learns to tell them apart
 * @param policy the current policy, for models defined through it (the implicit reward
 *     {@code β·log π/π_ref}); null when not needed
 * @param reference the reference policy {@code π_ref}; null when not needed
 * @param seed the seed for shuffling and initialisation
 */
public record RewardFitData(List<PreferencePair> pairs, TrainablePolicy policy, TrainablePolicy reference,
                            long seed) {

    public RewardFitData {
        pairs = List.copyOf(requireNonNull(pairs, "pairs is null"));
    }
}
