package dev.kaizen.eto;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.method.TrainingMethodFactory;
import dev.kaizen.api.optimizer.OptimizerConfig;
import java.util.List;
import org.pf4j.Extension;

/** Registers {@link RftMethod} as method {@code rft}. */
@Extension
public final class RftMethodFactory implements TrainingMethodFactory<RftConfig> {

    @Override
    public String name() {
        return "rft";
    }

    @Override
    public Class<RftConfig> configType() {
        return RftConfig.class;
    }

    @Override
    public TrainingMethod create(RftConfig config, ComponentContext context) {
        Parts.Common parts = Parts.Common.of(context, config.optimizer(), config.explorer(), config.critic());
        List<OptimizerConfig> optimizerByRound = new Schedule("method.schedule", config.schedule())
                .validate(context, parts.warmUp(), config.iterations());
        return new RftMethod(config, parts, optimizerByRound);
    }

    @Override
    public String description() {
        return "rejection-sampling fine-tuning: behaviour cloning, then rounds of sampling the training tasks and"
                + " behaviour cloning on the successes together with the demonstrations";
    }
}
