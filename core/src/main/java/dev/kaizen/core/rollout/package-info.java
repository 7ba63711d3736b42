/**
 * The rollout engine: many episodes in lockstep, one batched {@code decide} per step, environments
 * stepped on a thread pool, each episode isolated; and progress display.
 */
package dev.kaizen.core.rollout;
