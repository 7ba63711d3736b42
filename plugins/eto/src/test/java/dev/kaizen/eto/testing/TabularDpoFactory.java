package dev.kaizen.eto.testing;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerFactory;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * Registers {@link TabularDpoOptimizer} as optimizer {@code tabular-dpo}; keeps every call. An
 * extension, so that recipes run through the host in tests can name it.
 */
@Extension
public final class TabularDpoFactory implements OptimizerFactory<TabularDpoConfig> {

    public final List<TabularDpoOptimizer.Call> calls = new ArrayList<>();

    @Override
    public String name() {
        return "tabular-dpo";
    }

    @Override
    public Class<TabularDpoConfig> configType() {
        return TabularDpoConfig.class;
    }

    @Override
    public Optimizer create(TabularDpoConfig config, ComponentContext context) {
        return new TabularDpoOptimizer(config, calls);
    }
}
