/**
 * Step-level preference pairs from search trees: preference values
 * {@code Q_pref = α·Q_mcts + (1−α)·Q̂} and pairs of explored siblings whose values differ by at
 * least {@code θ}.
 */
package dev.kaizen.agentq.pairs;
