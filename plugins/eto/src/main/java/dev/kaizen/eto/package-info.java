/**
 * Exploration-based trajectory optimisation ({@code eto}) and its rejection-sampling baseline
 * ({@code rft}).
 *
 * <p>Both methods start from behaviour cloning on expert demonstrations (or from a checkpoint), then
 * explore the training tasks with a configurable search algorithm. ETO pairs every explored
 * trajectory with the expert trajectory of the same task and trains trajectory-level DPO on the
 * pairs; RFT keeps the policy's own successes and trains behaviour cloning on them. Every part
 * (warm-up optimiser, explorer, critic, preference optimiser) is named in the method's config and
 * built through the host by name.
 */
package dev.kaizen.eto;
