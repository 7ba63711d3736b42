/** Reward models: outcome and per-step rewards for trajectories, optionally learned from data. */
package dev.kaizen.api.reward;
