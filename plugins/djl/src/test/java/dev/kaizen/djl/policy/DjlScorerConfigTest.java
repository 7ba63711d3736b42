package dev.kaizen.djl.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.policy.PolicyConfig;
import dev.kaizen.api.testing.FakeComponentContext;
import dev.kaizen.djl.Fixtures;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjlScorerConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsFillNullFields() {
        FakeComponentContext context = Fixtures.context(1, dir);
        DjlScorerConfig config = (DjlScorerConfig) context.config(PolicyConfig.class, Map.of("type", "djl-scorer"));
        assertThat(config).isEqualTo(new DjlScorerConfig());
        assertThat(config.buckets()).isEqualTo(16_384);
        assertThat(config.threads()).isEqualTo(1);
        assertThat(config.wordEmbeddings()).isFalse();
    }

    @Test
    void badValuesNameTheFieldAndWhatIsAllowed() {
        FakeComponentContext context = Fixtures.context(1, dir);
        assertThatThrownBy(() -> context.config(PolicyConfig.class, Map.of("type", "djl-scorer", "buckets", 10)))
                .hasMessageContaining("buckets must be between 1024 and 4194304, got 10");
        assertThatThrownBy(() -> context.config(PolicyConfig.class, Map.of("type", "djl-scorer", "threads", 0)))
                .hasMessageContaining("threads must be between 1 and 64, got 0");
        assertThatThrownBy(() -> context.config(PolicyConfig.class, Map.of("type", "djl-scorer", "adviceWeight", -1)))
                .hasMessageContaining("adviceWeight must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> context.config(PolicyConfig.class, Map.of("type", "djl-scorer", "initScale", 2)))
                .hasMessageContaining("initScale must be between 0.0 and 1.0, got 2.0");
        assertThatThrownBy(() -> context.config(PolicyConfig.class, Map.of("type", "djl-scorer", "hidenSize", 8)))
                .hasMessageContaining("hidenSize");
        assertThatThrownBy(() -> context.config(PolicyConfig.class, Map.of("type", "djl-scorer", "hiddenSize", "wide")))
                .hasMessageContaining("wide");
    }
}
