/**
 * Learning of the {@code lucene} memory: the n-step Q-learning rule and the update that applies it
 * to the steps of finished episodes.
 */
package dev.kaizen.rememberer.memory.learning;
