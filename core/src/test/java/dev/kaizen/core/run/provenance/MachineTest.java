package dev.kaizen.core.run.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the processor, the build and the plugin checksums. */
class MachineTest {

    @TempDir
    Path dir;

    @Test
    void cpuinfoGivesTheModelAndTheNumericFlagsInAFixedOrder() {
        Processor x86 = Processor.fromCpuinfo("""
                processor\t: 0
                vendor_id\t: GenuineIntel
                model name\t: Intel(R) Xeon(R) Platinum 8480+
                flags\t\t: fpu sse4_2 avx2 fma avx avx512f avx512bw amx_tile sse4_1 ht
                processor\t: 1
                model name\t: Intel(R) Xeon(R) Platinum 8480+
                flags\t\t: fpu
                """, 2);
        assertThat(x86.model()).isEqualTo("Intel(R) Xeon(R) Platinum 8480+");
        assertThat(x86.processors()).isEqualTo(2);
        assertThat(x86.flags()).containsExactly("sse4_1", "sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw",
                "amx_tile");

        Processor arm = Processor.fromCpuinfo("""
                processor\t: 0
                BogoMIPS\t: 50.00
                Features\t: fp asimd evtstrm aes sve i8mm bf16
                CPU implementer\t: 0x41
                """, 4);
        assertThat(arm.model()).isEqualTo("unknown");
        assertThat(arm.flags()).containsExactly("asimd", "i8mm", "bf16", "sve");
    }

    @Test
    void theRunningMachineIsReadOrUnknown() {
        Processor processor = Processor.current();
        assertThat(processor.model()).isNotBlank();
        assertThat(processor.processors()).isPositive();
    }

    @Test
    void aBuildWithoutGitHasAnUnknownCommit() {
        Properties unfilled = new Properties();
        unfilled.setProperty("version", "0.1.0");
        unfilled.setProperty("commit", "${git.commit.id}");
        unfilled.setProperty("dirty", "${git.dirty}");
        assertThat(KaizenBuild.of(unfilled)).isEqualTo(new KaizenBuild("0.1.0", "unknown", null));

        Properties filled = new Properties();
        filled.setProperty("version", "0.1.0");
        filled.setProperty("commit", "0123456789abcdef0123456789abcdef01234567");
        filled.setProperty("dirty", "true");
        assertThat(KaizenBuild.of(filled).dirty()).isTrue();
        assertThat(KaizenBuild.of(new Properties())).isEqualTo(new KaizenBuild("unknown", "unknown", null));
    }

    @Test
    void aFolderDigestDependsOnNamesAndContentsNotOnWhenFilesWereWritten() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a/lib"));
        Files.writeString(a.resolve("x.jar"), "x");
        Files.writeString(a.getParent().resolve("plugin.properties"), "plugin.id=a");
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.writeString(b.resolve("plugin.properties"), "plugin.id=a");
        Files.createDirectories(b.resolve("lib"));
        Files.writeString(b.resolve("lib/x.jar"), "x");
        String digest = PluginProvenance.folderSha256(dir.resolve("a"));
        assertThat(digest).hasSize(64).isEqualTo(PluginProvenance.folderSha256(b));
        Files.writeString(b.resolve("lib/x.jar"), "y");
        assertThat(PluginProvenance.folderSha256(b)).isNotEqualTo(digest);
        Files.writeString(b.resolve("lib/x.jar"), "x");
        Files.move(b.resolve("lib/x.jar"), b.resolve("lib/z.jar"));
        assertThat(PluginProvenance.folderSha256(b)).isNotEqualTo(digest);
        assertThat(PluginProvenance.sha256(a.resolve("x.jar")))
                .isEqualTo("2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881");
    }
}
