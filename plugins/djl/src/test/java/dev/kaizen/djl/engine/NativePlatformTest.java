package dev.kaizen.djl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NativePlatformTest {

    @Test
    void namesPlatformsAsPyTorchsJarsDo() {
        assertThat(NativePlatform.of("Linux", "amd64")).isEqualTo("linux-x86_64");
        assertThat(NativePlatform.of("Linux", "aarch64")).isEqualTo("linux-aarch64");
        assertThat(NativePlatform.of("Mac OS X", "aarch64")).isEqualTo("osx-aarch64");
        assertThat(NativePlatform.of("Mac OS X", "x86_64")).isEqualTo("osx-x86_64");
        assertThat(NativePlatform.of("Windows 11", "amd64")).isEqualTo("win-x86_64");
    }

    @Test
    void theCarriedLibraryIsTheBuildingMachinesAndFitsIt() {
        Optional<String> carried = NativePlatform.bundled(getClass().getClassLoader());
        assertThat(carried).contains(NativePlatform.current());
        assertThatCode(() -> NativePlatform.check(NativePlatform.current(), carried)).doesNotThrowAnyException();
    }

    @Test
    void aMismatchOrAnUnsupportedMachineIsNamedWithWhatToDo() {
        assertThatThrownBy(() -> NativePlatform.check("osx-aarch64", Optional.of("linux-x86_64")))
                .hasMessage("this Kaizen carries PyTorch for linux-x86_64, but this machine is osx-aarch64; build Kaizen"
                        + " on this machine (mvn -B -q package -DskipTests picks its platform) or with "
                        + "-Dpytorch.native.classifier=osx-aarch64");
        assertThatThrownBy(() -> NativePlatform.check("osx-x86_64", Optional.of("linux-x86_64")))
                .hasMessageContaining("this machine is osx-x86_64, and PyTorch's CPU library for DJL exists only for "
                        + "[linux-x86_64, linux-aarch64, osx-aarch64, win-x86_64]");
    }
}
