package dev.kaizen.stepagent.fakes;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerFactory;

/** Optimiser {@code ppo} for tests: records its batches and moves logits by step reward. */
public final class FakePpoFactory implements OptimizerFactory<FakePpoConfig> {

    private final Recorder recorder;

    public FakePpoFactory(Recorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public String name() {
        return "ppo";
    }

    @Override
    public Class<FakePpoConfig> configType() {
        return FakePpoConfig.class;
    }

    @Override
    public Optimizer create(FakePpoConfig config, ComponentContext context) {
        recorder.built.add(config);
        return new RecordingOptimizer(config, config.learningRate(), recorder);
    }
}
