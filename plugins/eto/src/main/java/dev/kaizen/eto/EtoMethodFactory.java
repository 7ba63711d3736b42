package dev.kaizen.eto;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.critic.CriticConfig;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.method.TrainingMethodFactory;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.search.SearchAlgorithmConfig;
import java.util.List;
import org.pf4j.Extension;

/** Registers {@link EtoMethod} as method {@code eto}. */
@Extension
public final class EtoMethodFactory implements TrainingMethodFactory<EtoConfig> {

    @Override
    public String name() {
        return "eto";
    }

    @Override
    public Class<EtoConfig> configType() {
        return EtoConfig.class;
    }

    @Override
    public TrainingMethod create(EtoConfig config, ComponentContext context) {
        OptimizerConfig warmUp = Parts.orDefault(context, config.optimizer(), OptimizerConfig.class, Parts.BC,
                "method.optimizer");
        SearchAlgorithmConfig explorer = Parts.orDefault(context, config.explorer(), SearchAlgorithmConfig.class,
                Parts.SAMPLE, "method.explorer");
        CriticConfig critic = Parts.orDefault(context, config.critic(), CriticConfig.class, Parts.NONE, "method.critic");
        OptimizerConfig dpo = Parts.orDefault(context, config.dpo(), OptimizerConfig.class, Parts.DPO, "method.dpo");
        List<OptimizerConfig> dpoByIteration = new Schedule("method.schedule", config.schedule())
                .validate(context, dpo, config.iterations());
        return new EtoMethod(config, warmUp, explorer, critic, dpoByIteration);
    }

    @Override
    public String description() {
        return "ETO: behaviour cloning, then rounds of exploration, pairing against expert trajectories and"
                + " trajectory-level DPO";
    }
}
