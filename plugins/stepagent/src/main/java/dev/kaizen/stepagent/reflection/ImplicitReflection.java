package dev.kaizen.stepagent.reflection;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The implicit-reward variant: the step pairs {@code (s_t, a*_t ≻ â_t)} go straight to a
 * preference optimiser (step-level DPO by default), whose implied step reward is
 * {@code β·log π_θ(a|s)/π_ref(a|s)}. The optimiser is built from its config for each call and
 * closed after it; its reference policy is its own frozen copy taken at the start of training.
 */
public final class ImplicitReflection implements Reflector {

    private final ComponentContext context;
    private final OptimizerConfig optimizer;

    public ImplicitReflection(ComponentContext context, OptimizerConfig optimizer) {
        this.context = requireNonNull(context, "context is null");
        this.optimizer = requireNonNull(optimizer, "optimizer is null");
    }

    @Override
    public Map<String, Object> reflect(String stage, Policy policy, List<PreferencePair> pairs,
                                       List<Trajectory> demonstrations) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("pairs", pairs.size());
        if (pairs.isEmpty()) {
            figures.put("trained", 0);
            return figures;
        }
        TrainingReport report;
        try (Optimizer trainer = context.create(optimizer)) {
            report = trainer.train(policy, TrainingBatch.ofPairs(pairs, context.seed(stage + "/optimize"),
                    stage + "/optimize"));
        }
        figures.put("trained", 1);
        report.metrics().forEach((name, value) -> figures.put("optimizer." + name, value));
        return figures;
    }
}
