package dev.kaizen.djl.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CPU capability is worked out as ATen does. */
class CpuCapabilityTest {

    private static final Set<String> SAPPHIRE_RAPIDS = Set.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw",
            "avx512vl", "avx512dq", "avx512_vnni", "amx_tile");
    private static final Set<String> ZEN3 = Set.of("sse4_2", "avx", "avx2", "fma");

    @Test
    void theProcessorsFlagsChooseOnX86() {
        assertThat(CpuCapability.of(null, "amd64", SAPPHIRE_RAPIDS)).isEqualTo("avx512");
        assertThat(CpuCapability.of(null, "x86_64", ZEN3)).isEqualTo("avx2");
        assertThat(CpuCapability.of(null, "amd64", Set.of("avx512f", "avx512bw", "avx512vl", "avx2", "fma")))
                .as("no avx512dq").isEqualTo("avx2");
        assertThat(CpuCapability.of(null, "amd64", Set.of("avx", "avx2"))).as("no fma").isEqualTo("default");
        assertThat(CpuCapability.of(null, "amd64", null)).isEqualTo("unknown");
    }

    @Test
    void theEnvironmentVariableWinsWhenItNamesACapability() {
        assertThat(CpuCapability.of("avx2", "amd64", SAPPHIRE_RAPIDS)).isEqualTo("avx2");
        assertThat(CpuCapability.of("default", "amd64", SAPPHIRE_RAPIDS)).isEqualTo("default");
        assertThat(CpuCapability.of("avx9000", "amd64", ZEN3)).as("ATen ignores other values").isEqualTo("avx2");
    }

    @Test
    void otherArchitecturesGetTheDefault() {
        assertThat(CpuCapability.of(null, "aarch64", Set.of("asimd", "sve"))).isEqualTo("default");
    }

    @Test
    void flagsComeFromTheFirstFlagsLine() {
        assertThat(CpuCapability.flags("processor\t: 0\nmodel name\t: X\nflags\t\t: fpu avx2 fma\nflags : avx512f\n"))
                .containsExactlyInAnyOrder("fpu", "avx2", "fma");
        assertThat(CpuCapability.flags("Features\t: asimd\n")).isEmpty();
    }
}
