package dev.kaizen.eto;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.method.TrainingMethodFactory;
import dev.kaizen.api.optimizer.OptimizerConfig;
import org.pf4j.Extension;

/** Registers {@link GrpoMethod} as method {@code grpo}. */
@Extension
public final class GrpoMethodFactory implements TrainingMethodFactory<GrpoConfig> {

    @Override
    public String name() {
        return "grpo";
    }

    @Override
    public Class<GrpoConfig> configType() {
        return GrpoConfig.class;
    }

    @Override
    public TrainingMethod create(GrpoConfig config, ComponentContext context) {
        Parts.Common parts = Parts.Common.of(context, config.optimizer(), config.explorer(), config.critic());
        OptimizerConfig update = Parts.orDefault(context, config.update(), OptimizerConfig.class, Parts.GRPO,
                "method.update");
        return new GrpoMethod(config, parts, update);
    }

    @Override
    public String description() {
        return "group-relative policy optimisation (GRPO; GiGPO with stepGroups: true): behaviour cloning, then"
                + " rounds of sampling a group of trajectories per training task and a clipped policy-gradient"
                + " update with advantages relative to the group";
    }
}
