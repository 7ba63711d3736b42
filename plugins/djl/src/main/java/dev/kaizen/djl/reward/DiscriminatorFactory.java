package dev.kaizen.djl.reward;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.reward.RewardModel;
import dev.kaizen.api.reward.RewardModelFactory;
import dev.kaizen.djl.engine.EngineProvenance;
import dev.kaizen.djl.policy.DjlScorerConfig;
import dev.kaizen.djl.policy.DjlScorerPolicy;
import java.util.Map;
import org.pf4j.Extension;

/** Registers {@link DiscriminatorRewardModel} as reward model {@code discriminator}. */
@Extension
public final class DiscriminatorFactory implements RewardModelFactory<DiscriminatorConfig> {

    @Override
    public String name() {
        return "discriminator";
    }

    @Override
    public Class<DiscriminatorConfig> configType() {
        return DiscriminatorConfig.class;
    }

    @Override
    public RewardModel create(DiscriminatorConfig config, ComponentContext context) {
        DjlScorerConfig network = new DjlScorerConfig(config.buckets(), config.embeddingSize(), config.hiddenSize(),
                null, 0.0, null, null);
        return new DiscriminatorRewardModel(name(), config,
                DjlScorerPolicy.create(network, name(), context.seed(name())), context.metrics());
    }

    /** The DJL and PyTorch versions and the CPU kernels PyTorch dispatches to ({@link EngineProvenance}). */
    @Override
    public Map<String, String> provenance() {
        return EngineProvenance.current();
    }

    @Override
    public String description() {
        return "GAIL-style discriminator D(s,a) trained to tell expert from agent steps; reward log D (configurable)";
    }
}
