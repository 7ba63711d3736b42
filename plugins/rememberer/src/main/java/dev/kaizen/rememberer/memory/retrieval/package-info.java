/**
 * Retrieval from the {@code lucene} memory: a BM25 query preselects the records whose instructions
 * match a context's best, and they are ranked by {@code S = λ·f_g + (1−λ)·f_o}, {@code f_g} the
 * configured instruction similarity and {@code f_o} the environment's observation similarity.
 */
package dev.kaizen.rememberer.memory.retrieval;
