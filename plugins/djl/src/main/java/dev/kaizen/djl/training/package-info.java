/**
 * What every trainer in this plugin shares: AdamW gradient steps on a network's parameters
 * ({@link dev.kaizen.djl.training.GradientSteps}) and seeded minibatch shuffles
 * ({@link dev.kaizen.djl.training.Minibatches}).
 */
package dev.kaizen.djl.training;
