package dev.kaizen.djl.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Which platform's PyTorch this plugin carries, and whether it fits the machine: the build bundles
 * PyTorch's CPU library for the machine that built it (Maven profiles by OS and architecture), so a
 * tree copied to another kind of machine says so at start instead of failing inside the native loader.
 */
public final class NativePlatform {

    /** The platforms DJL builds PyTorch's CPU library for. */
    public static final List<String> SUPPORTED = List.of("linux-x86_64", "linux-aarch64", "osx-aarch64", "win-x86_64");

    private NativePlatform() {
    }

    /** This machine as PyTorch's native jars name platforms, e.g. {@code linux-x86_64} or {@code osx-aarch64}. */
    public static String current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** A platform name from Java's {@code os.name} and {@code os.arch}. */
    static String of(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        String os = name.startsWith("mac") || name.startsWith("darwin") ? "osx"
                : name.startsWith("windows") ? "win" : name.startsWith("linux") ? "linux" : name.replace(' ', '_');
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
        return os + "-" + arch;
    }

    /** The platform of the PyTorch library {@code loader} can see, from its {@code native/lib/pytorch.properties}. */
    public static Optional<String> bundled(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream("native/lib/pytorch.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("classifier"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * @throws IllegalStateException naming this machine's platform, the one carried, and what to do,
     *     if the carried PyTorch cannot run here
     */
    static void check(String machine, Optional<String> carried) {
        if (!SUPPORTED.contains(machine)) {
            throw new IllegalStateException("this machine is " + machine + ", and PyTorch's CPU library for DJL exists "
                    + "only for " + SUPPORTED + "; the djl plugin cannot run here (the other plugins can)");
        }
        if (carried.isPresent() && !carried.get().equals(machine)) {
            throw new IllegalStateException("this Kaizen carries PyTorch for " + carried.get() + ", but this machine is "
                    + machine + "; build Kaizen on this machine (mvn -B -q package -DskipTests picks its platform) or "
                    + "with -Dpytorch.native.classifier=" + machine);
        }
    }
}
