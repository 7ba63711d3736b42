/** Dataset formats for {@code kaizen export}: a run's trajectories and pairs as files external trainers read. */
package dev.kaizen.api.export;
