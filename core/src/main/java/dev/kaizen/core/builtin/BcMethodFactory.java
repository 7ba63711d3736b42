package dev.kaizen.core.builtin;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.method.TrainingMethodFactory;
import org.pf4j.Extension;

/** Registers method {@code bc}. */
@Extension
public final class BcMethodFactory implements TrainingMethodFactory<BcMethodConfig> {

    @Override
    public String name() {
        return "bc";
    }

    @Override
    public Class<BcMethodConfig> configType() {
        return BcMethodConfig.class;
    }

    @Override
    public TrainingMethod create(BcMethodConfig config, ComponentContext context) {
        return new BcMethod(config);
    }

    @Override
    public String description() {
        return "behaviour cloning on the environment's expert demonstrations, then evaluation";
    }
}
