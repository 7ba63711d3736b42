/**
 * Rollout backends: a run's rollouts, evaluations and searches cut into pieces of consecutive tasks
 * and run elsewhere ({@code rollout.backend}), with the parts rebuilt there from their configs and
 * the policy's saved state. The driver's side is {@link dev.kaizen.core.backend.Distribution}; an
 * executor's is {@link dev.kaizen.core.backend.RemoteWorker}; a backend itself
 * ({@link dev.kaizen.core.backend.RolloutBackend}, found through
 * {@link dev.kaizen.core.backend.RolloutBackendFactory}) only moves bytes, so core never depends on it.
 */
package dev.kaizen.core.backend;
