/** The {@code spark} rollout backend: a run's requests as Spark jobs, a policy's state as a broadcast. */
package dev.kaizen.sweep.rollout;
