/**
 * Core's benchmarks, run by {@code kaizen bench NAME}: {@code env} (environment throughput and
 * memory) and {@code rollout} (the rollout engine with a recipe's environment and policy).
 */
package dev.kaizen.core.bench;
