package dev.kaizen.agentq.critic;

import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.policy.Policy;

/**
 * A critic that judges with the policy that is searching, unless configured otherwise. A search
 * calls {@link #bind} once at its start with its policy and uses the returned critic; the returned
 * critic does not own the policy.
 */
public interface SearchPolicyCritic extends Critic {

    /** A critic for a search run by {@code searchPolicy}; {@code this} if the critic has its own policy. */
    Critic bind(Policy searchPolicy);
}
