package dev.kaizen.core.builtin;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.method.TrainingMethodFactory;
import org.pf4j.Extension;

/** Registers method {@code evaluate}. */
@Extension
public final class EvaluateMethodFactory implements TrainingMethodFactory<EvaluateMethodConfig> {

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public Class<EvaluateMethodConfig> configType() {
        return EvaluateMethodConfig.class;
    }

    @Override
    public TrainingMethod create(EvaluateMethodConfig config, ComponentContext context) {
        return new EvaluateMethod(config);
    }

    @Override
    public String description() {
        return "evaluate the recipe's policy as it is, optionally after loading a checkpoint";
    }
}
