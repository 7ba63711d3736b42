package dev.kaizen.core.cli;

import dev.kaizen.core.plugin.PluginFailure;
import dev.kaizen.core.plugin.PluginHost;
import dev.kaizen.core.plugin.PluginInfo;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code kaizen plugins}: the loaded plugins and those that could not be loaded, with why. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List the plugins loaded from the plugins directory, and the files that failed to load.")
final class PluginsCommand implements Callable<Integer> {

    @ParentCommand
    Kaizen kaizen;

    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
        kaizen.configure(global);
        PluginHost host = kaizen.plugins();
        PrintStream out = kaizen.out();
        out.println("plugins directory: " + host.directory().map(Object::toString).orElse("(none: classpath only)"));
        List<PluginInfo> plugins = host.plugins();
        if (plugins.isEmpty()) {
            out.println("no plugins loaded");
        } else {
            out.printf(Locale.ROOT, "%-14s %-16s %-9s %s%n", "ID", "VERSION", "STATE", "PATH");
            for (PluginInfo plugin : plugins) {
                out.printf(Locale.ROOT, "%-14s %-16s %-9s %s%n", plugin.id(), plugin.version(), plugin.state(),
                        plugin.path());
            }
        }
        List<PluginFailure> failures = host.failures();
        if (!failures.isEmpty()) {
            out.println("not loaded:");
            for (PluginFailure failure : failures) {
                out.println("  " + failure.describe());
            }
        }
        return Kaizen.OK;
    }
}
