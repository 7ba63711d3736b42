package dev.kaizen.djl.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.djl.engine.CpuCapability;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The djl-scorer factory says which DJL, PyTorch and CPU kernels its policy computes with. */
class DjlScorerProvenanceTest {

    @Test
    void namesTheDjlAndPyTorchVersionsAndTheCpuCapability() {
        Map<String, String> provenance = new DjlScorerFactory().provenance();
        assertThat(provenance.get("djl")).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(provenance.get("engine")).isEqualTo("PyTorch");
        assertThat(provenance.get("pytorch")).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(provenance.get("cpu-capability")).isIn("avx512", "avx2", "default")
                .isEqualTo(CpuCapability.current());
        assertThat(provenance).doesNotContainKey("error");
    }
}
