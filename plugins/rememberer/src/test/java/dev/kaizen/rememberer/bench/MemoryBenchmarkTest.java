package dev.kaizen.rememberer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.bench.BenchmarkRequest;
import dev.kaizen.api.testing.FakeComponentContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void measuresAFilledMemory() throws Exception {
        Map<String, Object> figures = new MemoryBenchmark().run(new BenchmarkRequest(List.of(),
                Map.of("records", "2000", "queries", "200")), new FakeComponentContext(1, dir));
        assertThat(figures.get("records")).isEqualTo(2000);
        assertThat((double) figures.get("meanAdvicePerQuery")).isEqualTo(2.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> latency = (Map<String, Object>) figures.get("retrievalMicros");
        assertThat((double) latency.get("p50")).isPositive();
        assertThat((double) latency.get("p99")).isGreaterThanOrEqualTo((double) latency.get("p50"));
    }

    @Test
    void badOptionsSayWhatIsAllowed() {
        MemoryBenchmark benchmark = new MemoryBenchmark();
        FakeComponentContext context = new FakeComponentContext(1, dir);
        assertThatThrownBy(() -> benchmark.run(new BenchmarkRequest(List.of(), Map.of("record", "5")), context))
                .hasMessageContaining("unknown option --record; allowed: [--batch, --candidates");
        assertThatThrownBy(() -> benchmark.run(new BenchmarkRequest(List.of(), Map.of("records", "0")), context))
                .hasMessageContaining("--records must be >= 1, got 0");
        assertThatThrownBy(() -> benchmark.run(new BenchmarkRequest(List.of(), Map.of("similarity", "cosine")),
                context)).hasMessageContaining("--similarity must be page or text");
        assertThatThrownBy(() -> benchmark.run(new BenchmarkRequest(List.of("shop"), Map.of()), context))
                .hasMessageContaining("takes no arguments");
        assertThatThrownBy(() -> benchmark.run(new BenchmarkRequest(List.of(), Map.of("queries", "x")), context))
                .hasMessageContaining("--queries must be an integer");
    }

    @Test
    void syntheticEpisodesAreDeterministicAndDistinct() {
        SyntheticExperience a = new SyntheticExperience(3);
        SyntheticExperience b = new SyntheticExperience(3);
        assertThat(a.episode(42)).isEqualTo(b.episode(42));
        assertThat(a.episode(42).steps().get(1).observation().text())
                .isNotEqualTo(a.episode(43).steps().get(1).observation().text());
        assertThat(a.context(7, 2).observation().info()).containsEntry("page", "item");
    }
}
