package dev.kaizen.core.run.provenance;

import static java.util.Objects.requireNonNull;

/**
 * The operating system a process ran on, as the JVM reports it.
 *
 * @param name e.g. {@code Linux}
 * @param version the kernel or release version
 * @param arch the architecture, e.g. {@code amd64} or {@code aarch64}
 */
public record OperatingSystem(String name, String version, String arch) {

    public OperatingSystem {
        requireNonNull(name, "name is null");
        requireNonNull(version, "version is null");
        requireNonNull(arch, "arch is null");
    }

    /** This process's operating system. */
    public static OperatingSystem current() {
        return new OperatingSystem(Jvm.property("os.name"), Jvm.property("os.version"), Jvm.property("os.arch"));
    }
}
