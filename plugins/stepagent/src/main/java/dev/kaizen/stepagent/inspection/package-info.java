/**
 * Inspection: expert trajectories cut into prefixes, the policy's own proposals on every prefix in
 * large batches, and the step-level pairs where it disagrees with the expert.
 */
package dev.kaizen.stepagent.inspection;
