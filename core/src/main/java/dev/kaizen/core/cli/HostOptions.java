package dev.kaizen.core.cli;

import dev.kaizen.core.plugin.PluginDirectories;
import java.util.Map;

/**
 * How the host starts.
 *
 * @param pluginDirectories where plugins are loaded from; none for classpath extensions only
 * @param environment the environment variables recipes may read with {@code ${env:NAME}}
 */
record HostOptions(PluginDirectories pluginDirectories, Map<String, String> environment) {

    HostOptions {
        environment = Map.copyOf(environment);
    }
}
