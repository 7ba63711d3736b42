/**
 * The {@code mcts} search: guided Monte Carlo tree search that interleaves the trees of many tasks
 * so that every policy call carries many contexts. {@link dev.kaizen.agentq.mcts.Ucb1} holds the
 * selection rule and {@link dev.kaizen.agentq.mcts.Edge} the backup; both are pure and tested alone.
 */
package dev.kaizen.agentq.mcts;
