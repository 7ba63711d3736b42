package dev.kaizen.agentq.mcts;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchAlgorithmFactory;
import org.pf4j.Extension;

/** Registers {@link MctsSearch} as search {@code mcts}. */
@Extension
public final class MctsFactory implements SearchAlgorithmFactory<MctsConfig> {

    @Override
    public String name() {
        return "mcts";
    }

    @Override
    public Class<MctsConfig> configType() {
        return MctsConfig.class;
    }

    @Override
    public SearchAlgorithm create(MctsConfig config, ComponentContext context) {
        return new MctsSearch(config, context);
    }

    @Override
    public String description() {
        return "guided Monte Carlo tree search: K policy proposals ranked by a critic, UCB1, policy rollouts,"
                + " a committed step after each round of simulations";
    }
}
