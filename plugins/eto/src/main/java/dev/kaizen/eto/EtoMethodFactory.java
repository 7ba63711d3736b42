package dev.kaizen.eto;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.method.TrainingMethodFactory;
import dev.kaizen.api.optimizer.OptimizerConfig;
import java.util.List;
import java.util.Map;
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
        Parts.Common parts = Parts.Common.of(context, config.optimizer(), config.explorer(), config.critic());
        OptimizerConfig dpo = Parts.orDefault(context, config.dpo(), OptimizerConfig.class, Parts.DPO, "method.dpo");
        List<OptimizerConfig> dpoByIteration;
        try {
            dpoByIteration = new Schedule("method.schedule", config.schedule()).validate(context, dpo, config.iterations());
        } catch (IllegalArgumentException e) {
            if (!EtoConfig.DEFAULT_SCHEDULE.equals(config.schedule())) {
                throw e;
            }
            // the paper's β schedule fits DPO optimisers with a beta; others (an external trainer) set their own
            context.notice("method.schedule is ETO's default " + EtoConfig.DEFAULT_SCHEDULE + ", which method.dpo '"
                    + dpo.getClass().getSimpleName() + "' cannot take (" + e.getMessage() + "); training without a "
                    + "schedule (set method.schedule: {} to say so)");
            config = config.withSchedule(Map.of());
            dpoByIteration = new Schedule("method.schedule", Map.of()).validate(context, dpo, config.iterations());
        }
        return new EtoMethod(config, parts, dpoByIteration);
    }

    @Override
    public String description() {
        return "ETO: behaviour cloning, then rounds of exploration, pairing against expert trajectories and"
                + " trajectory-level DPO";
    }
}
