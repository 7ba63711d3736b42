/** The {@code search} benchmark: throughput of a search algorithm (MCTS by default) on an environment. */
package dev.kaizen.agentq.bench;
