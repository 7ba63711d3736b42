package dev.kaizen.core.plugin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packages a plugin sees from the host, and why each is shared; every other class a plugin uses
 * comes from the plugin itself (its classes and its {@code lib/}) or from the JDK. A plugin cannot
 * replace these with copies of its own: they are always the host's. Stateless.
 */
final class SharedPackages {

    /** Package prefixes (each ending in a dot) and why they are shared. */
    private static final Map<String, String> PACKAGES = packages();

    private SharedPackages() {
    }

    private static Map<String, String> packages() {
        Map<String, String> packages = new LinkedHashMap<>();
        packages.put("dev.kaizen.api.", "kaizen-api: the interfaces and records plugins implement and exchange with "
                + "the host; one copy, so that both sides mean the same types");
        packages.put("org.pf4j.", "pf4j: Plugin, ExtensionPoint and @Extension, which the host's plugin manager reads");
        packages.put("com.fasterxml.jackson.annotation.", "jackson-annotations: on the api's config types and on "
                + "plugin configs, read by the host's Jackson when it binds recipes");
        packages.put("org.slf4j.", "slf4j-api: plugin log lines go to the host's logging backend (and its "
                + "--verbose level)");
        return Collections.unmodifiableMap(packages);
    }

    /** The shared packages, e.g. {@code dev.kaizen.api}, in a fixed order. */
    static List<String> names() {
        return PACKAGES.keySet().stream().map(prefix -> prefix.substring(0, prefix.length() - 1)).toList();
    }

    /** Why each shared package is shared, by package name. */
    static Map<String, String> reasons() {
        Map<String, String> reasons = new LinkedHashMap<>();
        PACKAGES.forEach((prefix, reason) -> reasons.put(prefix.substring(0, prefix.length() - 1), reason));
        return reasons;
    }

    /** Whether {@code className} (binary name, e.g. {@code org.slf4j.Logger}) is one of the host's shared classes. */
    static boolean isShared(String className) {
        for (String prefix : PACKAGES.keySet()) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a resource path (e.g. {@code org/slf4j/Logger.class}) lies in a shared package. */
    static boolean isSharedResource(String path) {
        String name = path.startsWith("/") ? path.substring(1) : path;
        return isShared(name.replace('/', '.'));
    }
}
