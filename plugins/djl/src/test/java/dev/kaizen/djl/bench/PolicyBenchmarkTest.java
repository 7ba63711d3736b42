package dev.kaizen.djl.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.bench.BenchmarkRequest;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.djl.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void withoutTheStoreItSaysWhichPluginIsNeeded() {
        FakeComponentContext context = Fixtures.context(1, dir);
        assertThatThrownBy(() -> new PolicyBenchmark().run(new BenchmarkRequest(List.of(), Map.of()), context))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("install the shop plugin");
    }

    @Test
    void badOptionsAreRejected() {
        FakeComponentContext context = Fixtures.context(1, dir);
        assertThatThrownBy(() -> new PolicyBenchmark().run(new BenchmarkRequest(List.of(),
                Map.of("environment", "test", "batch", "0")), context))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--batch must be >= 1, got 0");
        assertThatThrownBy(() -> new PolicyBenchmark().run(new BenchmarkRequest(List.of(),
                Map.of("environment", "test", "warmup", "-1")), context))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--warmup must be >= 0, got -1");
    }

    @Test
    void measuresBatchedAndOneAtATimeDecisions() throws Exception {
        FakeComponentContext context = Fixtures.context(1, dir);
        Map<String, Object> figures = new PolicyBenchmark().run(new BenchmarkRequest(List.of(),
                Map.of("environment", "test", "tasks", "20", "rounds", "3", "batch", "16", "warmup", "1")), context);
        assertThat(figures).containsKeys("decisionsPerSecondBatched", "decisionsPerSecondOneByOne", "speedup");
        assertThat((Integer) figures.get("contexts")).isEqualTo(80);
        assertThat((Double) figures.get("decisionsPerSecondBatched")).isPositive();
        assertThat((Double) figures.get("medianBatched")).isPositive()
                .isLessThanOrEqualTo((Double) figures.get("decisionsPerSecondBatched"));
        assertThat((Integer) figures.get("warmupPasses")).isBetween(1, 1_000_000);
    }
}
