/**
 * The records of the {@code lucene} memory as held on the heap: a record per state (instruction,
 * observation) with its actions' Q-values, visit counts and last rewards; the table of records
 * with the BM25 statistics of their instructions; and the eviction that keeps it within capacity.
 */
package dev.kaizen.rememberer.memory.record;
