/**
 * The {@code djl-scorer} policy: a network that scores every candidate action of every context in
 * one batched forward pass; {@code π(a|h)} is the softmax over a context's candidates.
 *
 * <p>Candidates ({@link dev.kaizen.djl.policy.CandidateBuilder}) are the observation's concrete
 * actions plus span queries the policy builds from the instruction for free-text templates. Each
 * candidate becomes one row of features ({@link dev.kaizen.djl.policy.FeatureEncoder}): hashed word
 * and role embedding bags, an instruction-candidate interaction, and explicit matching features
 * (word overlap both ways, character-trigram similarity, prices against the budget, what the
 * history already did, advice from memory). {@link dev.kaizen.djl.policy.ScorerNetwork} owns the
 * parameters and the forward pass; {@link dev.kaizen.djl.policy.DjlScorerPolicy} is the policy.
 */
package dev.kaizen.djl.policy;
