package dev.kaizen.stepagent.fakes;

import dev.kaizen.api.optimizer.OptimizerConfig;

/** Config of the fake {@code ppo}: each step's logit moves by {@code learningRate · reward}. */
public record FakePpoConfig(Double learningRate) implements OptimizerConfig {

    public FakePpoConfig {
        learningRate = learningRate == null ? 1.0 : learningRate;
    }
}
