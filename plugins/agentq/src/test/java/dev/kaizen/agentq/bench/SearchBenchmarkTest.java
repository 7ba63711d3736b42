package dev.kaizen.agentq.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.agentq.critic.PolicyCriticFactory;
import dev.kaizen.agentq.mcts.MctsFactory;
import dev.kaizen.api.bench.BenchmarkRequest;
import dev.kaizen.api.testing.CounterEnvironmentFactory;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.testing.TabularPolicyFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchBenchmarkTest {

    @TempDir
    Path dir;

    private FakeComponentContext context() {
        return new FakeComponentContext(7, dir).register(new CounterEnvironmentFactory(), new TabularPolicyFactory(),
                new MctsFactory(), new PolicyCriticFactory());
    }

    @Test
    void measuresMctsOnAnEnvironment() {
        Map<String, Object> figures = new SearchBenchmark().run(new BenchmarkRequest(List.of("mcts"),
                Map.of("environment", "test", "policy", "tabular", "tasks", "6", "split", "seen",
                        "set", "search.simulations=3\nsearch.proposals=2\nenvironment.maxSteps=8")), context());
        assertThat(figures).containsEntry("search", "mcts").containsEntry("tasks", 6).containsEntry("split", "seen");
        // three simulations per real step, at least one real step per task
        assertThat((Long) figures.get("simulations")).isGreaterThanOrEqualTo(18L);
        assertThat((Long) figures.get("nodes")).isGreaterThan(6L);
        assertThat((Double) figures.get("simulationsPerSecond")).isPositive();
        assertThat((Double) figures.get("nodesPerSecond")).isPositive();
        assertThat((Double) figures.get("contextsPerPolicyCall")).isGreaterThan(1.0);
    }

    @Test
    void badOptionsSayWhatIsAllowed() {
        SearchBenchmark benchmark = new SearchBenchmark();
        assertThatThrownBy(() -> benchmark.run(new BenchmarkRequest(List.of(), Map.of("tasks", "0")), context()))
                .hasMessageContaining("--tasks must be >= 1, got 0");
        assertThatThrownBy(() -> benchmark.run(new BenchmarkRequest(List.of(), Map.of("split", "dev")), context()))
                .hasMessageContaining("unknown split 'dev'");
        assertThatThrownBy(() -> benchmark.run(new BenchmarkRequest(List.of(), Map.of("set", "simulations=3")), context()))
                .hasMessageContaining("PART.FIELD=VALUE");
        assertThatThrownBy(() -> benchmark.run(new BenchmarkRequest(List.of(), Map.of("set", "mcts.simulations=3")),
                context())).hasMessageContaining("unknown part 'mcts'");
        assertThatThrownBy(() -> benchmark.run(new BenchmarkRequest(List.of("mcts", "sample"), Map.of()), context()))
                .hasMessageContaining("at most one search");
        assertThatThrownBy(() -> benchmark.run(new BenchmarkRequest(List.of(), Map.of("environment", "test",
                "policy", "tabular", "set", "search.simulations=0")), context()))
                .hasMessageContaining("simulations must be >= 1");
    }

    @Test
    void valuesAreReadAsTheScalarsTheySpell() {
        assertThat(SearchBenchmark.scalar("16")).isEqualTo(16);
        assertThat(SearchBenchmark.scalar("0.5")).isEqualTo(0.5);
        assertThat(SearchBenchmark.scalar("true")).isEqualTo(true);
        assertThat(SearchBenchmark.scalar("value")).isEqualTo("value");
    }
}
