package dev.kaizen.djl.reward;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.reward.RewardModel;
import dev.kaizen.api.reward.RewardModelFactory;
import dev.kaizen.djl.engine.EngineProvenance;
import java.util.Map;
import org.pf4j.Extension;

/** Registers {@link ImplicitRewardModel} as reward model {@code implicit}. */
@Extension
public final class ImplicitFactory implements RewardModelFactory<ImplicitConfig> {

    @Override
    public String name() {
        return "implicit";
    }

    @Override
    public Class<ImplicitConfig> configType() {
        return ImplicitConfig.class;
    }

    @Override
    public RewardModel create(ImplicitConfig config, ComponentContext context) {
        return new ImplicitRewardModel(config);
    }

    /** The DJL and PyTorch versions and the CPU kernels PyTorch dispatches to ({@link EngineProvenance}). */
    @Override
    public Map<String, String> provenance() {
        return EngineProvenance.current();
    }

    @Override
    public String description() {
        return "DPO implicit step reward β·log π/π_ref of a trainable policy and its reference";
    }
}
