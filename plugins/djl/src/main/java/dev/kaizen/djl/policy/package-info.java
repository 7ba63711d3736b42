/**
 * The {@code djl-scorer} policy: a network that scores every row of every context in one batched
 * forward pass. Rows ({@link dev.kaizen.djl.policy.Row}) are the observation's concrete actions and
 * its free-text templates; {@code π} is the softmax over a context's rows, and a template's filler
 * is written with the instruction's tokens, each kept with a probability from a token head
 * ({@link dev.kaizen.djl.policy.QueryModel}).
 *
 * <p>{@link dev.kaizen.djl.policy.FeatureEncoder} turns a context into rows of features (a hashed
 * role-token bag and explicit matching features: word overlap both ways, character-trigram
 * similarity, prices against the budget, the best affordable match on the page, what the history
 * already did, advice from memory) and instruction tokens with their neighbours.
 * {@link dev.kaizen.djl.policy.ScorerNetwork} owns the parameters and the forward pass;
 * {@link dev.kaizen.djl.policy.DjlScorerPolicy} is the policy.
 */
package dev.kaizen.djl.policy;
