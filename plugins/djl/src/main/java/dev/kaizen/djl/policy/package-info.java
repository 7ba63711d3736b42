/**
 * The {@code djl-scorer} policy: a network that scores every row of every context in one batched
 * forward pass. Rows ({@link dev.kaizen.djl.features.Row}) are the observation's concrete actions and
 * its free-text templates, encoded by {@link dev.kaizen.djl.features.FeatureEncoder}; {@code π} is
 * the softmax over a context's rows, and a template's filler is written with the instruction's
 * tokens, each kept with a probability from a token head ({@link dev.kaizen.djl.policy.QueryModel}).
 *
 * <p>{@link dev.kaizen.djl.policy.ScorerNetwork} owns the parameters and the forward pass over an
 * {@link dev.kaizen.djl.policy.EncodedBatch}; {@link dev.kaizen.djl.policy.DjlScorerPolicy} is the
 * policy, which picks candidates with {@link dev.kaizen.djl.policy.CandidateSampler}, gives
 * optimisers {@link dev.kaizen.djl.policy.Examples} and their {@link dev.kaizen.djl.policy.Scores},
 * and writes {@link dev.kaizen.djl.policy.Checkpoint}s.
 */
package dev.kaizen.djl.policy;
