package dev.kaizen.rememberer.method;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.method.TrainingMethodFactory;
import org.pf4j.Extension;

/** Registers {@link RemembererMethod} as method {@code rememberer}. */
@Extension
public final class RemembererFactory implements TrainingMethodFactory<RemembererConfig> {

    @Override
    public String name() {
        return "rememberer";
    }

    @Override
    public Class<RemembererConfig> configType() {
        return RemembererConfig.class;
    }

    @Override
    public TrainingMethod create(RemembererConfig config, ComponentContext context) {
        return new RemembererMethod(config);
    }

    @Override
    public String description() {
        return "behaviour-cloned policy kept frozen, advised by an experience memory learned with n-step Q-learning";
    }
}
