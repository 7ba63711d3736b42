/**
 * Search algorithms: explore episodes with a policy (and a critic) and return trajectories and the
 * statistics of the search tree — sampling, greedy, MCTS.
 */
package dev.kaizen.api.search;
