/**
 * Runs: the run directory and its files, the host's component and method contexts, resumable
 * stages with atomic checkpoints, and the summary.
 */
package dev.kaizen.core.run;
