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

/** Registers behaviour cloning for {@code djl-scorer} as optimizer {@code bc}. */
@Extension
public final class BcOptimizerFactory implements OptimizerFactory<BcConfig> {

    @Override
    public String name() {
        return "bc";
    }

    @Override
    public Class<BcConfig> configType() {
        return BcConfig.class;
    }

    @Override
    public Optimizer create(BcConfig config, ComponentContext context) {
        return new BcOptimizer(name(), config, context.metrics(), context::progress);
    }

    /** The DJL and PyTorch versions and the CPU kernels PyTorch dispatches to ({@link EngineProvenance}). */
    @Override
    public Map<String, String> provenance() {
        return EngineProvenance.current();
    }

    @Override
    public List<Requirement> requirements(BcConfig config) {
        return List.of(Requirement.policy(DjlScorerFactory.NETWORK, "it trains the policy's network"));
    }

    @Override
    public String description() {
        return "behaviour cloning (cross-entropy on demonstrated actions) for djl-scorer";
    }
}
