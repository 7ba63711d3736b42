package dev.kaizen.eto.testing;

import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.search.SearchAlgorithmFactory;
import dev.kaizen.api.search.SearchProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Test stand-in for the host's {@code sample} search; keeps every problem it was asked to search. */
public final class SampleSearchFactory implements SearchAlgorithmFactory<SampleSearchConfig> {

    public final List<SearchProblem> problems = new ArrayList<>();

    /** Called with every problem before it is searched. */
    public Consumer<SearchProblem> onSearch = problem -> { };

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
        return new RolloutSearch(context, config.samples(), config.temperature(), problem -> {
            problems.add(problem);
            onSearch.accept(problem);
        });
    }
}
