package dev.kaizen.core.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.pf4j.ExtensionWrapper;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The loaded plugins and their extensions: PF4J plugins from the plugins directory (zips, jars,
 * expanded folders) and the extensions on the application classpath (core's own parts, and in
 * development and tests whatever else carries a {@code META-INF/extensions.idx}).
 *
 * <p>A plugin that cannot be read, loaded, resolved or started, or an extension that cannot be
 * created, is recorded in {@link #failures()} by file name and skipped; the others still load.
 * Thread-safe after construction. Closing it stops and unloads the plugins.
 */
public final class PluginHost implements AutoCloseable {

    private static final Path NO_DIRECTORY = Path.of(".kaizen-no-plugins-directory");

    private final Path directory;
    private final KaizenPluginManager manager;
    private final List<PluginFailure> failures = Collections.synchronizedList(new ArrayList<>());

    private PluginHost(Path directory) {
        this.directory = directory;
        this.manager = new KaizenPluginManager(directory == null ? NO_DIRECTORY : directory, failures);
        if (directory != null) {
            manager.loadAndStart();
        }
    }

    /**
     * Loads the plugins of {@code directory} (which may be null for classpath extensions only).
     * A directory that does not exist holds no plugins.
     */
    public static PluginHost load(Path directory) {
        return new PluginHost(directory == null ? null : directory.toAbsolutePath().normalize());
    }

    /** The plugins directory, if one was given. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /**
     * Every extension of {@code type}: classpath ones first (in class-name order), then each
     * started plugin's, by plugin id. Each call creates new instances.
     */
    public <T> List<LoadedExtension<T>> extensions(Class<T> type) {
        List<LoadedExtension<T>> found = new ArrayList<>();
        List<ExtensionWrapper<T>> classpath = new ArrayList<>(manager.find(type, null));
        classpath.sort(Comparator.comparing(w -> w.getDescriptor().extensionClass.getName()));
        for (ExtensionWrapper<T> wrapper : classpath) {
            String origin = sameCodeSource(wrapper.getDescriptor().extensionClass, PluginHost.class)
                    ? LoadedExtension.CORE : LoadedExtension.CLASSPATH;
            create(wrapper, origin, origin).ifPresent(found::add);
        }
        List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
        started.sort(Comparator.comparing(PluginWrapper::getPluginId));
        for (PluginWrapper plugin : started) {
            List<ExtensionWrapper<T>> wrappers = new ArrayList<>(manager.find(type, plugin.getPluginId()));
            wrappers.sort(Comparator.comparing(w -> w.getDescriptor().extensionClass.getName()));
            for (ExtensionWrapper<T> wrapper : wrappers) {
                // a plugin without its own extensions.idx sees the application's through its class loader;
                // those classes are the classpath's, already listed above
                if (wrapper.getDescriptor().extensionClass.getClassLoader() == plugin.getPluginClassLoader()) {
                    create(wrapper, plugin.getPluginId(), manager.sourceName(plugin)).ifPresent(found::add);
                }
            }
        }
        return found;
    }

    private static boolean sameCodeSource(Class<?> a, Class<?> b) {
        var sourceA = a.getProtectionDomain().getCodeSource();
        var sourceB = b.getProtectionDomain().getCodeSource();
        return sourceA != null && sourceB != null && sourceA.getLocation() != null
                && sourceA.getLocation().equals(sourceB.getLocation());
    }

    private <T> Optional<LoadedExtension<T>> create(ExtensionWrapper<T> wrapper, String origin, String file) {
        try {
            return Optional.of(new LoadedExtension<>(wrapper.getExtension(), origin));
        } catch (RuntimeException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            failures.add(new PluginFailure(file, "extension " + wrapper.getDescriptor().extensionClass.getName()
                    + " cannot be created: " + PluginDirectoryRepository.message(cause)));
            return Optional.empty();
        }
    }

    /** The plugins PF4J loaded (started or not), by id. */
    public List<PluginInfo> plugins() {
        List<PluginInfo> out = new ArrayList<>();
        for (PluginWrapper plugin : manager.getPlugins()) {
            Path path = plugin.getPluginPath();
            out.add(new PluginInfo(plugin.getPluginId(), plugin.getDescriptor().getVersion(), path,
                    path.resolveSibling(manager.sourceName(plugin)), plugin.getPluginState().toString(),
                    plugin.getDescriptor().getPluginDescription()));
        }
        out.sort(Comparator.comparing(PluginInfo::id));
        return out;
    }

    /** Everything that could not be used, in the order it was found. */
    public List<PluginFailure> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    @Override
    public void close() {
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (plugin.getPluginState() == PluginState.STARTED) {
                try {
                    manager.stopPlugin(plugin.getPluginId());
                } catch (RuntimeException e) {
                    // stopping is best effort; the JVM is usually about to exit
                }
            }
        }
    }
}
