package dev.kaizen.core.cli;

import java.nio.file.Path;

/**
 * How the host starts.
 *
 * @param pluginsDirectory where plugins are loaded from; null for classpath extensions only
 */
record HostOptions(Path pluginsDirectory) {
}
