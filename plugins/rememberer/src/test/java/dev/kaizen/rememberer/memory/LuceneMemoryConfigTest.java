package dev.kaizen.rememberer.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.memory.ExperienceMemoryConfig;
import dev.kaizen.api.testing.FakeComponentContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneMemoryConfigTest {

    @TempDir
    Path dir;

    private FakeComponentContext context() {
        return new FakeComponentContext(7, dir).register(new LuceneMemoryFactory());
    }

    @Test
    void defaultsFollowThePaper() {
        LuceneMemoryConfig config = new LuceneMemoryConfig();
        assertThat(config.path()).isNull();
        assertThat(config.capacity()).isEqualTo(500);
        assertThat(config.actionsPerRecord()).isEqualTo(20);
        assertThat(config.alpha()).isEqualTo("1/N");
        assertThat(config.constantAlpha()).isNaN();
        assertThat(config.gamma()).isEqualTo(1.0);
        assertThat(config.nStep()).isZero();
        assertThat(config.lambda()).isEqualTo(0.5);
        assertThat(config.instructionSimilarity()).isEqualTo("weighted-overlap");
    }

    @Test
    void readsARecipeMap() {
        ExperienceMemoryConfig config = context().config(ExperienceMemoryConfig.class, Map.of("type", "lucene",
                "alpha", 0.3, "nStep", 2, "gamma", 0.9, "instructionSimilarity", "exact", "capacity", 10));
        assertThat(config).isInstanceOf(LuceneMemoryConfig.class);
        LuceneMemoryConfig lucene = (LuceneMemoryConfig) config;
        assertThat(lucene.constantAlpha()).isEqualTo(0.3);
        assertThat(lucene.nStep()).isEqualTo(2);
        assertThat(lucene.capacity()).isEqualTo(10);
    }

    @Test
    void badValuesNameTheFieldAndWhatIsAllowed() {
        assertThatThrownBy(() -> config(Map.of("capacity", 0)))
                .hasMessageContaining("memory.capacity must be >= 1, got 0");
        assertThatThrownBy(() -> config(Map.of("actionsPerRecord", -3)))
                .hasMessageContaining("memory.actionsPerRecord");
        assertThatThrownBy(() -> config(Map.of("alpha", "fast")))
                .hasMessageContaining("memory.alpha must be \"1/N\" or a number in (0, 1], got 'fast'");
        assertThatThrownBy(() -> config(Map.of("alpha", 0)))
                .hasMessageContaining("memory.alpha");
        assertThatThrownBy(() -> config(Map.of("gamma", 1.5)))
                .hasMessageContaining("memory.gamma must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> config(Map.of("nStep", -1)))
                .hasMessageContaining("memory.nStep must be >= 0");
        assertThatThrownBy(() -> config(Map.of("lambda", -0.1)))
                .hasMessageContaining("memory.lambda");
        assertThatThrownBy(() -> config(Map.of("instructionSimilarity", "embedding")))
                .hasMessageContaining("unknown 'embedding'; allowed: [weighted-overlap, overlap, exact]");
        assertThatThrownBy(() -> config(Map.of("candidates", 0)))
                .hasMessageContaining("memory.candidates");
    }

    @Test
    void unknownFieldsAreRejected() {
        assertThatThrownBy(() -> config(Map.of("capacty", 3))).hasMessageContaining("capacty");
    }

    private ExperienceMemoryConfig config(Map<String, Object> fields) {
        Map<String, Object> all = new java.util.HashMap<>(fields);
        all.put("type", "lucene");
        return context().config(ExperienceMemoryConfig.class, all);
    }
}
