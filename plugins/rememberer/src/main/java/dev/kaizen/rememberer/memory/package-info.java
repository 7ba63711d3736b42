/**
 * The {@code lucene} experience memory: records keyed by (task instruction, observation) with a
 * Q-value, visit count and last reward per action; n-step Q-learning updates; retrieval by
 * {@code S = λ·f_g + (1−λ)·f_o} over BM25 candidates from a Lucene index that also persists the
 * records.
 */
package dev.kaizen.rememberer.memory;
