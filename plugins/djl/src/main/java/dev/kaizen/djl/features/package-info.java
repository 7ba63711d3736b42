/**
 * Features of the {@code djl-scorer} policy: {@link dev.kaizen.djl.features.FeatureEncoder} turns an
 * agent context into numbers, one {@link dev.kaizen.djl.features.Row} per concrete action and per
 * free-text template (hashed role and word buckets, explicit matching features: word overlap both
 * ways, character-trigram similarity, prices against the budget, the best affordable match on the
 * page, what the history already did, advice from memory) and a token block of the instruction's
 * tokens with their neighbours, from which fillers are written. The result is an
 * {@link dev.kaizen.djl.features.EncodedContext}.
 */
package dev.kaizen.djl.features;
