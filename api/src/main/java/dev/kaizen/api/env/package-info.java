/**
 * Environments: tasks by split, episodes that step, snapshots for tree search, expert
 * demonstrations, and the action and observation values they exchange with agents.
 */
package dev.kaizen.api.env;
