package dev.kaizen.core.run.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.core.run.provenance.ProcessProvenance.RecipeIdentity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which keys differ between two processes' records, and which never count. */
class RunProvenanceTest {

    private static final PluginProvenance DJL = new PluginProvenance("djl", "0.1.0", "kaizen-plugin-djl-0.1.0.zip",
            "aa11");
    private static final PluginProvenance SHOP = new PluginProvenance("shop", "0.1.0", "kaizen-plugin-shop-0.1.0.zip",
            "bb22");

    @Test
    void identicalRecordsDoNotDiffer() {
        assertThat(RunProvenance.differences(record(), record())).isEmpty();
    }

    @Test
    void whenAndWhereFromAreIgnoredButWhatRanIsNot() {
        ProcessProvenance first = record();
        ProcessProvenance later = new ProcessProvenance("2026-03-04T00:00:00Z", true, first.recipe(),
                new KaizenBuild("0.1.0", "def456", false), first.jvm(), first.os(),
                new Processor("AMD EPYC 9654", 2, List.of("avx", "avx2", "fma", "avx512f")),
                List.of(new PluginProvenance("djl", "0.1.0", "elsewhere/djl.zip", "cc33"), SHOP),
                Map.of("environment", first.parts().get("environment"),
                        "policy", part("djl-scorer", "djl", Map.of("djl", "0.35.0", "pytorch", "2.7.1",
                                "cpu-capability", "avx512"))));
        assertThat(RunProvenance.differences(first, later)).containsExactly("cpu.flags", "cpu.model",
                "kaizen.commit", "parts.policy.provenance.cpu-capability", "plugins.djl.sha256");
    }

    @Test
    void somethingPresentInOneRecordOnlyDiffers() {
        ProcessProvenance first = record();
        ProcessProvenance fewer = new ProcessProvenance(first.started(), false, new RecipeIdentity("bc-shop", 8),
                first.kaizen(), new Jvm("Eclipse Adoptium", "21.0.5+11", "OpenJDK 64-Bit Server VM"), first.os(),
                first.cpu(), List.of(DJL), Map.of("environment", first.parts().get("environment")));
        assertThat(RunProvenance.differences(first, fewer)).containsExactly("jvm.vendor", "jvm.version",
                "parts.policy.plugin", "parts.policy.provenance.cpu-capability", "parts.policy.provenance.djl",
                "parts.policy.provenance.pytorch", "parts.policy.type", "plugins.shop.sha256",
                "plugins.shop.version", "recipe.seed");
    }

    private static ProcessProvenance record() {
        return new ProcessProvenance("2026-01-02T03:04:05Z", false, new RecipeIdentity("bc-shop", 7),
                new KaizenBuild("0.1.0", "abc123", false), new Jvm("Debian", "17.0.15+6", "OpenJDK 64-Bit Server VM"),
                new OperatingSystem("Linux", "6.1.0", "amd64"),
                new Processor("Intel(R) Xeon(R) Processor", 2, List.of("avx", "avx2", "fma")), List.of(DJL, SHOP),
                Map.of("environment", part("shop", "shop", Map.of()),
                        "policy", part("djl-scorer", "djl", Map.of("djl", "0.35.0", "pytorch", "2.7.1",
                                "cpu-capability", "avx2"))));
    }

    private static PartProvenance part(String type, String plugin, Map<String, String> provenance) {
        return new PartProvenance(type, plugin, provenance);
    }
}
