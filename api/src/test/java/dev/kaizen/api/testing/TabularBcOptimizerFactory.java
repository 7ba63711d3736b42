package dev.kaizen.api.testing;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerFactory;
import org.pf4j.Extension;

/** Registers {@link TabularBcOptimizer} as optimizer {@code tabular-bc}. */
@Extension
public final class TabularBcOptimizerFactory implements OptimizerFactory<TabularBcConfig> {

    @Override
    public String name() {
        return "tabular-bc";
    }

    @Override
    public Class<TabularBcConfig> configType() {
        return TabularBcConfig.class;
    }

    @Override
    public Optimizer create(TabularBcConfig config, ComponentContext context) {
        return new TabularBcOptimizer(config);
    }

    @Override
    public String description() {
        return "behaviour cloning for the tabular test policy";
    }
}
