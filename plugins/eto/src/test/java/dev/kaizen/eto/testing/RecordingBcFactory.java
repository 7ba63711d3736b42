package dev.kaizen.eto.testing;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerFactory;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.testing.TabularBcConfig;
import dev.kaizen.api.testing.TabularBcOptimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Test stand-in for the {@code bc} optimiser: the api fixtures' tabular behaviour cloning, keeping
 * every batch and config it was given.
 */
public final class RecordingBcFactory implements OptimizerFactory<RecordingBcConfig> {

    /** What one train call saw. */
    public record Call(RecordingBcConfig config, TrainingBatch batch) {
    }

    public final List<Call> calls = new ArrayList<>();

    @Override
    public String name() {
        return "bc";
    }

    @Override
    public Class<RecordingBcConfig> configType() {
        return RecordingBcConfig.class;
    }

    @Override
    public Optimizer create(RecordingBcConfig config, ComponentContext context) {
        TabularBcOptimizer delegate = new TabularBcOptimizer(new TabularBcConfig(config.step(), config.epochs()));
        return (policy, batch) -> {
            calls.add(new Call(config, batch));
            return delegate.train(policy, batch);
        };
    }
}
