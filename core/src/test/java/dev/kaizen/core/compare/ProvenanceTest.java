package dev.kaizen.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void flattensToDottedKeysAndLeavesOutTimesPathsAndSeeds() throws Exception {
        Map<String, String> flat = Provenance.flatten(json.readTree("""
                {"started": "2026-01-01T00:00:00Z", "wallSeconds": 3.5, "resumed": false,
                 "recipe": {"name": "bc-shop", "seed": 7},
                 "cpu": {"model": "EPYC", "flags": ["avx", "avx2"], "path": "/proc/cpuinfo"},
                 "plugins": [{"id": "djl", "sha256": "9c1f", "time": 12}]}
                """));
        assertThat(flat).containsExactly(Map.entry("cpu.flags", "[\"avx\",\"avx2\"]"), Map.entry("cpu.model", "EPYC"),
                Map.entry("plugins[0].id", "djl"), Map.entry("plugins[0].sha256", "9c1f"),
                Map.entry("recipe.name", "bc-shop"), Map.entry("resumed", "false"));
    }

    @Test
    void namesTheKeysThatDifferOrAreMissing() {
        List<String> differing = Provenance.differingKeys(List.of(
                Map.of("cpu.model", "EPYC", "jvm.version", "17", "os.name", "Linux"),
                Map.of("cpu.model", "EPYC", "jvm.version", "21", "os.name", "Linux"),
                Map.of("cpu.model", "EPYC", "os.name", "Linux", "extra", "x")));
        assertThat(differing).containsExactly("extra", "jvm.version");
    }
}
