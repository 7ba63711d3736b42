/**
 * Benchmark {@code memory}: insertion throughput and retrieval latency of the {@code lucene}
 * experience memory at scale, on synthetic store-like experience.
 */
package dev.kaizen.rememberer.bench;
