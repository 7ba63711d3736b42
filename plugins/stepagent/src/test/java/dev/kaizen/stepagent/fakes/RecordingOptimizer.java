package dev.kaizen.stepagent.fakes;

import dev.kaizen.api.ComponentConfig;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.testing.TabularPolicy;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.List;
import java.util.Map;

/**
 * Records every batch, then trains a {@link TabularPolicy} plainly: for each pair the chosen logit
 * goes up and the rejected one down by {@code step}; for each trajectory step the logit moves by
 * {@code step · reward}.
 */
final class RecordingOptimizer implements Optimizer {

    private final ComponentConfig<?> config;
    private final double step;
    private final Recorder recorder;

    RecordingOptimizer(ComponentConfig<?> config, double step, Recorder recorder) {
        this.config = config;
        this.step = step;
        this.recorder = recorder;
    }

    @Override
    public TrainingReport train(Policy policy, TrainingBatch batch) {
        recorder.trainings.add(new Recorder.Training(config, batch, ((TabularPolicy) policy).frozenCopy()));
        TabularPolicy tabular = (TabularPolicy) policy;
        for (PreferencePair pair : batch.pairs()) {
            tabular.adjust(pair.context(), pair.chosen().get(0).action(), step);
            tabular.adjust(pair.context(), pair.rejected().get(0).action(), -step);
        }
        for (Trajectory trajectory : batch.trajectories()) {
            List<Step> steps = trajectory.steps();
            for (int t = 0; t < steps.size(); t++) {
                tabular.adjust(trajectory.contextAt(t), steps.get(t).action(), step * steps.get(t).reward());
            }
        }
        return new TrainingReport(Map.of("examples", (double) batch.pairs().size() + batch.trajectories().size(),
                "loss", 0.5), List.of());
    }
}
