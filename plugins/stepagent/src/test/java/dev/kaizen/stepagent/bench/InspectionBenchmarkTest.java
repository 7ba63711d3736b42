package dev.kaizen.stepagent.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.bench.BenchmarkRequest;
import dev.kaizen.api.testing.CounterEnvironmentFactory;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.api.testing.TabularPolicyFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectionBenchmarkTest {

    @TempDir
    Path directory;

    private FakeComponentContext context() {
        return new FakeComponentContext(5, directory).register(new CounterEnvironmentFactory(), new TabularPolicyFactory());
    }

    @Test
    void measuresPrefixesPerSecondOverAllExpertPrefixes() throws Exception {
        Map<String, Object> figures = new InspectionBenchmark().run(new BenchmarkRequest(List.of(),
                Map.of("environment", "test", "policy", "tabular", "demonstrations", "5", "batch-size", "4",
                        "repeats", "2")), context());

        // train-0..4 have targets 1, 3, 5, 2, 4: 20 prefixes
        assertThat(figures).containsEntry("prefixes", 20).containsEntry("demonstrations", 5)
                .containsEntry("batchSize", 4);
        assertThat((double) figures.get("prefixesPerSecondMedian")).isPositive();
        assertThat((List<?>) figures.get("prefixesPerSecondRuns")).hasSize(2);
    }

    @Test
    void badOptionsSayWhatIsAllowed() {
        InspectionBenchmark benchmark = new InspectionBenchmark();
        assertThatThrownBy(() -> benchmark.run(new BenchmarkRequest(List.of(), Map.of("batch-size", "0")), context()))
                .hasMessage("--batch-size must be >= 1, got 0");
        assertThatThrownBy(() -> benchmark.run(new BenchmarkRequest(List.of(), Map.of("temperature", "hot")),
                context())).hasMessage("--temperature must be a number >= 0, got 'hot'");
        assertThatThrownBy(() -> benchmark.run(new BenchmarkRequest(List.of(),
                Map.of("environment", "test", "policy", "tabular", "checkpoint", directory.resolve("x").toString())),
                context())).hasMessageContaining("is not a directory");
    }
}
