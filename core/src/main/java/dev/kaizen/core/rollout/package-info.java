/**
 * The rollout engine: many episodes, batched {@code decide} calls, environments stepped on a thread
 * pool, each episode isolated; in lockstep rounds or pipelined (deciding overlaps stepping); and
 * progress display.
 */
package dev.kaizen.core.rollout;
