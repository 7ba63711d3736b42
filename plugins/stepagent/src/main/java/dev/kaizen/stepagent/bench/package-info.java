/** Benchmarks of the StepAgent plugin, run by {@code kaizen bench NAME}. */
package dev.kaizen.stepagent.bench;
