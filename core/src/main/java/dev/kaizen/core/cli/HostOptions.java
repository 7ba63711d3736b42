package dev.kaizen.core.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * How the host starts.
 *
 * @param pluginsDirectory where plugins are loaded from; null for classpath extensions only
 * @param environment the environment variables recipes may read with {@code ${env:NAME}}
 */
record HostOptions(Path pluginsDirectory, Map<String, String> environment) {

    HostOptions {
        environment = Map.copyOf(environment);
    }
}
