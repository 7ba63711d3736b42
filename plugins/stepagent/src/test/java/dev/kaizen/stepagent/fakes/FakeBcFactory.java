package dev.kaizen.stepagent.fakes;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerFactory;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.testing.TabularPolicy;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.List;
import java.util.Map;

/** Optimiser {@code bc} for tests: records its batches and clones the demonstrated actions. */
public final class FakeBcFactory implements OptimizerFactory<FakeBcConfig> {

    private final Recorder recorder;

    public FakeBcFactory(Recorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public String name() {
        return "bc";
    }

    @Override
    public Class<FakeBcConfig> configType() {
        return FakeBcConfig.class;
    }

    @Override
    public Optimizer create(FakeBcConfig config, ComponentContext context) {
        recorder.built.add(config);
        return (policy, batch) -> {
            recorder.trainings.add(new Recorder.Training(config, batch, ((TabularPolicy) policy).frozenCopy()));
            for (Trajectory trajectory : batch.trajectories()) {
                for (int t = 0; t < trajectory.length(); t++) {
                    ((TabularPolicy) policy).adjust(trajectory.contextAt(t), trajectory.steps().get(t).action(),
                            config.step());
                }
            }
            return new TrainingReport(Map.of("examples", (double) batch.trajectories().size()), List.of());
        };
    }
}
