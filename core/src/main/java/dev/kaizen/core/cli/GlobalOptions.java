package dev.kaizen.core.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command takes, before or after the command's name. */
public final class GlobalOptions {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "A plugins directory to load besides $KAIZEN_HOME/plugins (the built-in ones) and those "
                    + "of $KAIZEN_PLUGINS (a path list); repeatable.")
    public List<Path> plugins = new ArrayList<>();

    @Option(names = "--no-builtin-plugins", description = "Leave out $KAIZEN_HOME/plugins: only --plugins and "
            + "$KAIZEN_PLUGINS load.")
    public boolean noBuiltinPlugins;

    @Option(names = "--verbose", description = "Show plugin loading and full stack traces.")
    public boolean verbose;
}
