package dev.kaizen.core.cli;

import dev.kaizen.core.plugin.PluginFailure;
import dev.kaizen.core.plugin.PluginHost;
import dev.kaizen.core.plugin.PluginInfo;
import dev.kaizen.core.registry.ComponentRegistry;
import dev.kaizen.core.registry.NameConflict;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kaizen plugins}: what plugins see of the host, the plugins with their state
 * ({@code STARTED}, {@code FAILED}, {@code CONFLICT}, ...), and one line per problem: the file, the
 * state and why, with what to do.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List the plugins of the plugins directory with their state, and one line per problem.")
final class PluginsCommand implements Callable<Integer> {

    @ParentCommand
    Kaizen kaizen;

    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
        kaizen.configure(global);
        PluginHost host = kaizen.plugins();
        ComponentRegistry registry = kaizen.registryUnreported();
        PrintStream out = kaizen.out();
        out.println("plugins directories: " + (host.directories().isEmpty() ? "(none: classpath only)"
                : String.join(", ", host.directories().stream().map(Object::toString).toList())));
        out.println("plugins see of the host only: " + String.join(", ", PluginHost.sharedPackages().keySet())
                + " (and the JDK); everything else comes from their own lib/");
        Set<String> conflicting = new HashSet<>();
        registry.conflicts().forEach(conflict -> conflicting.addAll(conflict.pluginIds()));
        List<PluginInfo> plugins = host.plugins();
        if (plugins.isEmpty()) {
            out.println("no plugins loaded");
        } else {
            out.printf(Locale.ROOT, "%-14s %-16s %-9s %s%n", "ID", "VERSION", "STATE", "PATH");
            for (PluginInfo plugin : plugins) {
                String state = plugin.state().equals("STARTED") && conflicting.contains(plugin.id())
                        ? PluginFailure.CONFLICT : plugin.state();
                out.printf(Locale.ROOT, "%-14s %-16s %-9s %s%n", plugin.id(), plugin.version(), state, plugin.path());
            }
        }
        List<String> problems = new ArrayList<>();
        for (PluginFailure failure : host.failures()) {
            problems.add(failure.line());
        }
        for (PluginFailure failure : registry.failures()) {
            problems.add(failure.describe());
        }
        for (NameConflict conflict : registry.conflicts()) {
            for (String id : conflict.pluginIds()) {
                problems.add(host.source(id) + ": " + PluginFailure.CONFLICT + ": " + conflict.message());
            }
        }
        if (!problems.isEmpty()) {
            out.println("problems:");
            problems.forEach(line -> out.println("  " + line));
        }
        return Kaizen.OK;
    }
}
