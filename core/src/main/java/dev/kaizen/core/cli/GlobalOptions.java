package dev.kaizen.core.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes, before or after the command's name. */
public final class GlobalOptions {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Plugins directory (default: $KAIZEN_PLUGINS, else $KAIZEN_HOME/plugins).")
    public Path plugins;

    @Option(names = "--verbose", description = "Show plugin loading and full stack traces.")
    public boolean verbose;
}
