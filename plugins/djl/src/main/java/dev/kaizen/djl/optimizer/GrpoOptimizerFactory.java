package dev.kaizen.djl.optimizer;

import java.util.List;
import dev.kaizen.djl.policy.DjlScorerFactory;
import dev.kaizen.api.Requirement;
import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerFactory;
import dev.kaizen.djl.engine.EngineProvenance;
import java.util.Map;
import org.pf4j.Extension;

/** Registers the group-relative policy-gradient update for {@code djl-scorer} as optimizer {@code grpo}. */
@Extension
public final class GrpoOptimizerFactory implements OptimizerFactory<GrpoConfig> {

    @Override
    public String name() {
        return "grpo";
    }

    @Override
    public Class<GrpoConfig> configType() {
        return GrpoConfig.class;
    }

    @Override
    public Optimizer create(GrpoConfig config, ComponentContext context) {
        return new GrpoOptimizer(name(), config, context.metrics(), context::progress);
    }

    /** The DJL and PyTorch versions and the CPU kernels PyTorch dispatches to ({@link EngineProvenance}). */
    @Override
    public Map<String, String> provenance() {
        return EngineProvenance.current();
    }

    @Override
    public List<Requirement> requirements(GrpoConfig config) {
        return List.of(Requirement.policy(DjlScorerFactory.NETWORK, "it trains the policy's network"));
    }

    @Override
    public String description() {
        return "GRPO's clipped policy-gradient update on advantages relative to a group (no value head), with a KL"
                + " to the policy the call started from, for djl-scorer";
    }
}
