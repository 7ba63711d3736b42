package dev.kaizen.api.testing;

import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Behaviour cloning for {@link TabularPolicy}: raises the logit of every demonstrated action in
 * its context, and lowers the rejected action of every pair.
 */
public final class TabularBcOptimizer implements Optimizer {

    private final TabularBcConfig config;

    public TabularBcOptimizer(TabularBcConfig config) {
        this.config = config;
    }

    @Override
    public TrainingReport train(Policy policy, TrainingBatch batch) {
        if (!(policy instanceof TabularPolicy tabular)) {
            throw new IncompatiblePartsException("optimizer 'tabular-bc' trains policies of type [tabular]; got "
                    + policy.getClass().getSimpleName());
        }
        List<Map<String, Double>> epochs = new ArrayList<>();
        int examples = 0;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            examples = 0;
            for (Trajectory trajectory : batch.trajectories()) {
                for (int t = 0; t < trajectory.length(); t++) {
                    tabular.adjust(trajectory.contextAt(t), trajectory.steps().get(t).action(), config.step());
                    examples++;
                }
            }
            for (var pair : batch.pairs()) {
                tabular.adjust(pair.context(), pair.chosen().get(0).action(), config.step());
                tabular.adjust(pair.context(), pair.rejected().get(0).action(), -config.step());
                examples++;
            }
            epochs.add(Map.of("epoch", (double) epoch + 1, "examples", (double) examples));
        }
        return new TrainingReport(Map.of("examples", (double) examples), epochs);
    }
}
