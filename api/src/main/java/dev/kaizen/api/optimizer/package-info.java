/** Optimisers: train a policy on trajectories or preference pairs (BC, DPO, PPO, external trainers). */
package dev.kaizen.api.optimizer;
