/** Trajectories (what happened in an episode) and preference pairs built from them. */
package dev.kaizen.api.trajectory;
