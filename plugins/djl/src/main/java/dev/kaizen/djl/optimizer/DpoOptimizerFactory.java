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

/** Registers DPO for {@code djl-scorer} as optimizer {@code dpo}. */
@Extension
public final class DpoOptimizerFactory implements OptimizerFactory<DpoConfig> {

    @Override
    public String name() {
        return "dpo";
    }

    @Override
    public Class<DpoConfig> configType() {
        return DpoConfig.class;
    }

    @Override
    public Optimizer create(DpoConfig config, ComponentContext context) {
        return new DpoOptimizer(name(), config, context.metrics(), context::progress);
    }

    /** The DJL and PyTorch versions and the CPU kernels PyTorch dispatches to ({@link EngineProvenance}). */
    @Override
    public Map<String, String> provenance() {
        return EngineProvenance.current();
    }

    @Override
    public List<Requirement> requirements(DpoConfig config) {
        return List.of(Requirement.policy(DjlScorerFactory.NETWORK, "it trains the policy's network"));
    }

    @Override
    public String description() {
        return "direct preference optimisation (trajectory or step level, optional NLL term) for djl-scorer";
    }
}
