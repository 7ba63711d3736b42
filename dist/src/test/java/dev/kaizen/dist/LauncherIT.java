package dev.kaizen.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled {@code bin/kaizen} launcher, run with a stand-in {@code java} that prints what it
 * was given: the malloc settings that keep PyTorch's temporary arrays from faulting their pages in
 * at every training step (the user's values win), the offline DJL flag and the arguments, and a
 * clear error without Java.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherIT {

    private static final Path LAUNCHER = Path.of("target", "kaizen", "bin", "kaizen").toAbsolutePath();

    @TempDir
    Path javaHome;

    private record Result(int code, String out, String err) {
    }

    private Result launch(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(LAUNCHER.toString());
        builder.command().addAll(java.util.List.of(args));
        builder.environment().remove("MALLOC_MMAP_THRESHOLD_");
        builder.environment().remove("MALLOC_TRIM_THRESHOLD_");
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the launcher returned").isTrue();
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private void standInJava() throws IOException {
        Path java = javaHome.resolve("bin").resolve("java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\n"
                + "echo \"mmap=$MALLOC_MMAP_THRESHOLD_ trim=$MALLOC_TRIM_THRESHOLD_\"\n"
                + "for a in \"$@\"; do echo \"arg=$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theLauncherKeepsLargeBlocksInTheHeapUnlessTheUserSaysOtherwise() throws Exception {
        standInJava();
        Result defaults = launch(Map.of(), "run", "bc-shop");
        assertThat(defaults.code()).isZero();
        assertThat(defaults.out()).contains("mmap=33554432 trim=268435456", "arg=-Dai.djl.offline=true",
                "arg=dev.kaizen.core.cli.Kaizen", "arg=run", "arg=bc-shop");

        Result own = launch(Map.of("MALLOC_MMAP_THRESHOLD_", "131072"), "plugins");
        assertThat(own.out()).contains("mmap=131072 trim=268435456");
    }

    @Test
    void withoutJavaTheLauncherSaysWhatToInstall() throws Exception {
        Result missing = launch(Map.of());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("kaizen: cannot find java; install Java 17 or newer, or set JAVA_HOME");
    }
}
