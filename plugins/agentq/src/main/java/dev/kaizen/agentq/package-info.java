/**
 * AgentQ (Putta et al. 2024): guided Monte Carlo tree search over environment states with a critic
 * that ranks the policy's proposals, step-level preference pairs from the tree trained with DPO,
 * and the same search at inference.
 *
 * <p>Parts: search {@code mcts} ({@link dev.kaizen.agentq.mcts}), critic {@code policy-critic}
 * ({@link dev.kaizen.agentq.critic}), method {@code agentq} ({@link dev.kaizen.agentq.method}) and
 * benchmark {@code search} ({@link dev.kaizen.agentq.bench}). Other parts (optimisers, policies,
 * environments) are reached by name through their configs, never by class.
 */
package dev.kaizen.agentq;
