/** Benchmarks run by {@code kaizen bench NAME}; plugins add their own. */
package dev.kaizen.api.bench;
