/**
 * Rememberer (semi-parametric reinforcement learning with an experience memory): the policy's
 * weights stay frozen while an external memory of (instruction, observation, action, Q) records
 * learns from episode rewards by n-step Q-learning; at decision time the most similar records are
 * attached to each context as advice.
 *
 * <p>Parts: memory {@code lucene} ({@link dev.kaizen.rememberer.memory}), the advice decorator
 * applied by the method ({@link dev.kaizen.rememberer.advice}), method {@code rememberer}
 * ({@link dev.kaizen.rememberer.method}) and benchmark {@code memory}
 * ({@link dev.kaizen.rememberer.bench}).
 */
package dev.kaizen.rememberer;
