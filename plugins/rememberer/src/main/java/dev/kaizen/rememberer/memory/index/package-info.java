/**
 * The Lucene side of the {@code lucene} memory: the index that mirrors the records (a document per
 * record, committed under {@code memory.path}), its searcher with live BM25 statistics, instruction
 * analysis, and checkpoints written and read as separate indexes.
 */
package dev.kaizen.rememberer.memory.index;
