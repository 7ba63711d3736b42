package dev.kaizen.eto;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.critic.CriticConfig;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.method.TrainingMethodFactory;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.search.SearchAlgorithmConfig;
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
        OptimizerConfig optimizer = Parts.orDefault(context, config.optimizer(), OptimizerConfig.class, Parts.BC,
                "method.optimizer");
        SearchAlgorithmConfig explorer = Parts.orDefault(context, config.explorer(), SearchAlgorithmConfig.class,
                Parts.SAMPLE, "method.explorer");
        CriticConfig critic = Parts.orDefault(context, config.critic(), CriticConfig.class, Parts.NONE, "method.critic");
        List<OptimizerConfig> optimizerByRound = new Schedule("method.schedule", config.schedule())
                .validate(context, optimizer, config.iterations());
        return new RftMethod(config, optimizer, explorer, critic, optimizerByRound);
    }

    @Override
    public String description() {
        return "rejection-sampling fine-tuning: behaviour cloning, then rounds of sampling the training tasks and"
                + " behaviour cloning on the successes together with the demonstrations";
    }
}
