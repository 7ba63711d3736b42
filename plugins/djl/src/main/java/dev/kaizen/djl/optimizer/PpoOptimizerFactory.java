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

/** Registers PPO for {@code djl-scorer} as optimizer {@code ppo}. */
@Extension
public final class PpoOptimizerFactory implements OptimizerFactory<PpoConfig> {

    @Override
    public String name() {
        return "ppo";
    }

    @Override
    public Class<PpoConfig> configType() {
        return PpoConfig.class;
    }

    @Override
    public Optimizer create(PpoConfig config, ComponentContext context) {
        return new PpoOptimizer(name(), config, context.metrics(), context::progress);
    }

    /** The DJL and PyTorch versions and the CPU kernels PyTorch dispatches to ({@link EngineProvenance}). */
    @Override
    public Map<String, String> provenance() {
        return EngineProvenance.current();
    }

    @Override
    public List<Requirement> requirements(PpoConfig config) {
        return List.of(Requirement.policy(DjlScorerFactory.NETWORK, "it trains the policy's network"));
    }

    @Override
    public String description() {
        return "clipped PPO with a value head, GAE, entropy bonus and optional KL to the reference, for djl-scorer";
    }
}
