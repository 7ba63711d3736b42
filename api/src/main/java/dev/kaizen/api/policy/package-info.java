/**
 * Policies: what an agent does in a context. Batch-first: {@link dev.kaizen.api.policy.Policy#decide}
 * takes a list of contexts. {@link dev.kaizen.api.policy.TrainablePolicy} adds the trainable side.
 */
package dev.kaizen.api.policy;
