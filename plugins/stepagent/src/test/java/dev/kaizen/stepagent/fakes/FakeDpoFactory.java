package dev.kaizen.stepagent.fakes;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerFactory;

/** Optimiser {@code dpo} for tests: records its batches and trains the tabular policy on pairs. */
public final class FakeDpoFactory implements OptimizerFactory<FakeDpoConfig> {

    private final Recorder recorder;

    public FakeDpoFactory(Recorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public String name() {
        return "dpo";
    }

    @Override
    public Class<FakeDpoConfig> configType() {
        return FakeDpoConfig.class;
    }

    @Override
    public Optimizer create(FakeDpoConfig config, ComponentContext context) {
        recorder.built.add(config);
        return new RecordingOptimizer(config, config.step(), recorder);
    }
}
