/**
 * The {@code agentq} method: a behaviour-cloning warm-up as the baseline, then iterations of tree
 * search on training tasks, step-level pairs from the trees and DPO, with evaluations both without
 * search and with MCTS at inference.
 */
package dev.kaizen.agentq.method;
