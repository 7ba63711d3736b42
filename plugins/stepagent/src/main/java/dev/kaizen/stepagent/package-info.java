/**
 * The StepAgent training method ({@code stepagent}): behaviour-cloning warm-up, then rounds of
 * inspection and reflection, with the {@code implicit} or {@code inverse} reflection variant.
 */
package dev.kaizen.stepagent;
