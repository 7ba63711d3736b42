package dev.kaizen.core.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;
import org.pf4j.util.FileUtils;

/**
 * Gives each plugin an {@link IsolatedPluginClassLoader} over its files: a jar itself, or a folder's
 * {@code classes/} and the jars in its {@code lib/} (in name order), the layout of an expanded
 * plugin zip. Thread-safe.
 */
final class IsolatedPluginLoader implements PluginLoader {

    private final PluginManager manager;
    private final SharedClassLoader shared;

    IsolatedPluginLoader(PluginManager manager, SharedClassLoader shared) {
        this.manager = manager;
        this.shared = shared;
    }

    @Override
    public boolean isApplicable(Path pluginPath) {
        return Files.isDirectory(pluginPath) || (Files.isRegularFile(pluginPath) && FileUtils.isJarFile(pluginPath));
    }

    @Override
    public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
        IsolatedPluginClassLoader loader = new IsolatedPluginClassLoader(manager, descriptor, shared);
        if (Files.isDirectory(pluginPath)) {
            Path classes = pluginPath.resolve("classes");
            if (Files.isDirectory(classes)) {
                loader.addFile(classes.toFile());
            }
            for (Path jar : jars(pluginPath.resolve("lib"))) {
                loader.addFile(jar.toFile());
            }
        } else {
            loader.addFile(pluginPath.toFile());
        }
        return loader;
    }

    /** The jars directly in {@code lib}, by name. */
    static List<Path> jars(Path lib) {
        if (!Files.isDirectory(lib)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(lib)) {
            return listing.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + lib + ": " + e.getMessage(), e);
        }
    }
}
