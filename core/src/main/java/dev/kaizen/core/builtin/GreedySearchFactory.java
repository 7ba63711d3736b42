package dev.kaizen.core.builtin;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchAlgorithmFactory;
import org.pf4j.Extension;

/** Registers search {@code greedy}. */
@Extension
public final class GreedySearchFactory implements SearchAlgorithmFactory<GreedySearchConfig> {

    @Override
    public String name() {
        return "greedy";
    }

    @Override
    public Class<GreedySearchConfig> configType() {
        return GreedySearchConfig.class;
    }

    @Override
    public SearchAlgorithm create(GreedySearchConfig config, ComponentContext context) {
        return new GreedySearch(context.rollouts());
    }

    @Override
    public String description() {
        return "one greedy rollout per task: the policy's best action at every step";
    }
}
