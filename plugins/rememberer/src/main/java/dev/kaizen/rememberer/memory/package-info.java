/**
 * The {@code lucene} experience memory: records keyed by (task instruction, observation) with a
 * Q-value, visit count and last reward per action; n-step Q-learning updates; retrieval by
 * {@code S = λ·f_g + (1−λ)·f_o} over BM25 candidates from a Lucene index that also persists the
 * records. {@link dev.kaizen.rememberer.memory.LuceneMemory} puts together the records
 * ({@link dev.kaizen.rememberer.memory.record}), their index and checkpoints
 * ({@link dev.kaizen.rememberer.memory.index}), retrieval ({@link dev.kaizen.rememberer.memory.retrieval})
 * and learning ({@link dev.kaizen.rememberer.memory.learning}).
 */
package dev.kaizen.rememberer.memory;
