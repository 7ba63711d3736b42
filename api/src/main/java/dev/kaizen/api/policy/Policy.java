package dev.kaizen.api.policy;

import java.util.List;

/**
 * Decides actions, for many contexts at once.
 *
 * <p>A policy must only propose actions the observation allows: one of its concrete actions or a
 * template it filled in itself. The environment never hands it free text.
 *
 * <p>Implementations are safe for use by one thread at a time unless they say otherwise; the host
 * calls {@link #decide} from one thread. The creator closes the policy.
 */
public interface Policy extends AutoCloseable {

    /**
     * Decides for every context: one {@link Decision} per context, in order. Neural policies do one
     * forward pass for the batch; remote ones issue concurrent requests.
     */
    List<Decision> decide(List<AgentContext> contexts, Sampling sampling);

    @Override
    default void close() {
    }
}
