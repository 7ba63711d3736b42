package dev.kaizen.api.optimizer;

import dev.kaizen.api.policy.Policy;

/**
 * Trains a policy in place on a batch of data and reports its losses.
 *
 * <p>An optimiser knows which policies it can train; given another it throws
 * {@link dev.kaizen.api.IncompatiblePartsException} naming the policy types it can train.
 * Preference optimisers take their reference policy as a frozen copy at the start of each
 * {@link #train} call. Used from one thread at a time.
 */
public interface Optimizer extends AutoCloseable {

    /** Trains {@code policy} on {@code batch}. */
    TrainingReport train(Policy policy, TrainingBatch batch);

    @Override
    default void close() {
    }
}
