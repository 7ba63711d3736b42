/**
 * What every trainer in this plugin shares: AdamW gradient steps on a network's parameters
 * ({@link dev.kaizen.djl.training.GradientSteps}), seeded minibatch shuffles
 * ({@link dev.kaizen.djl.training.Minibatches}), arithmetic that stays correct under gradient
 * recording ({@link dev.kaizen.djl.training.Ops}) and the steps of trajectories and continuations
 * gathered as contexts and actions ({@link dev.kaizen.djl.training.StepContexts}).
 */
package dev.kaizen.djl.training;
