package dev.kaizen.stepagent.fakes;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerFactory;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Optimiser {@code external} for tests: stands in for an external trainer (the llm plugin's
 * {@code trl}), which takes any policy it can point at new weights and trains nothing in the JVM.
 * Records the policies and batches it was given.
 */
public final class FakeExternalFactory implements OptimizerFactory<FakeExternalConfig> {

    /** One call: the policy given and the batch. */
    public record Call(Policy policy, TrainingBatch batch) {
    }

    public final List<Call> calls = new ArrayList<>();

    @Override
    public String name() {
        return "external";
    }

    @Override
    public Class<FakeExternalConfig> configType() {
        return FakeExternalConfig.class;
    }

    @Override
    public Optimizer create(FakeExternalConfig config, ComponentContext context) {
        return (policy, batch) -> {
            calls.add(new Call(policy, batch));
            return new TrainingReport(Map.of("examples", (double) batch.pairs().size() + batch.trajectories().size()),
                    List.of());
        };
    }
}
