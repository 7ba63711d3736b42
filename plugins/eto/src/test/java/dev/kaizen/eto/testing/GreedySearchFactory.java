package dev.kaizen.eto.testing;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchAlgorithmFactory;
import dev.kaizen.api.search.SearchProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Test stand-in for the host's {@code greedy} search; keeps every problem it was asked to search. */
public final class GreedySearchFactory implements SearchAlgorithmFactory<GreedySearchConfig> {

    public final List<SearchProblem> problems = new ArrayList<>();

    /** Called with every problem before it is searched. */
    public Consumer<SearchProblem> onSearch = problem -> { };

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
        return new RolloutSearch(context, 1, 0.0, problem -> {
            problems.add(problem);
            onSearch.accept(problem);
        });
    }
}
