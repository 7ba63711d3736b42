package dev.kaizen.core.builtin;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchAlgorithmFactory;
import org.pf4j.Extension;

/** Registers search {@code sample}. */
@Extension
public final class SampleSearchFactory implements SearchAlgorithmFactory<SampleSearchConfig> {

    @Override
    public String name() {
        return "sample";
    }

    @Override
    public Class<SampleSearchConfig> configType() {
        return SampleSearchConfig.class;
    }

    @Override
    public SearchAlgorithm create(SampleSearchConfig config, ComponentContext context) {
        return new SampleSearch(config, context.rollouts());
    }

    @Override
    public String description() {
        return "independent sampled rollouts per task at a temperature; the first is the committed one";
    }
}
