package dev.kaizen.core.run.provenance;

import static java.util.Objects.requireNonNull;

/**
 * The Java runtime a process ran on.
 *
 * @param vendor e.g. {@code Eclipse Adoptium}
 * @param version the runtime version, e.g. {@code 17.0.15+6}
 * @param vm the virtual machine's name, e.g. {@code OpenJDK 64-Bit Server VM}
 */
public record Jvm(String vendor, String version, String vm) {

    public Jvm {
        requireNonNull(vendor, "vendor is null");
        requireNonNull(version, "version is null");
        requireNonNull(vm, "vm is null");
    }

    /** This process's runtime. */
    public static Jvm current() {
        return new Jvm(property("java.vendor"), property("java.runtime.version", property("java.version")),
                property("java.vm.name"));
    }

    static String property(String key) {
        return property(key, KaizenBuild.UNKNOWN);
    }

    private static String property(String key, String fallback) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
