package dev.kaizen.core.backend;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What an executor needs to build a run's parts.
 *
 * @param key names the run's host: an executor in the driver's JVM finds the driver's plugins
 *     under it, and parts it builds are kept per key
 * @param pluginDirectories where an executor in another JVM loads the plugins from (the same
 *     installation at the same path on every machine)
 * @param seed the recipe's seed, which parts draw their seeds from
 * @param settings the recipe's rollout settings with the local backend, as JSON: how a piece runs
 */
public record HostSpec(String key, List<String> pluginDirectories, long seed, String settings) {

    public HostSpec {
        requireNonNull(key, "key is null");
        pluginDirectories = List.copyOf(requireNonNull(pluginDirectories, "pluginDirectories is null"));
        requireNonNull(settings, "settings is null");
    }
}
