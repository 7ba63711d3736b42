package dev.kaizen.core.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.ExtensionWrapper;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The loaded plugins and their extensions: PF4J plugins from the plugins directories (zips, jars,
 * expanded folders) and the extensions on the application classpath (core's own parts, and in
 * development and tests whatever else carries a {@code META-INF/extensions.idx}).
 *
 * <p>Each plugin has its own class loader that sees, of the host, only the
 * {@link #sharedPackages() shared packages}; everything else comes from the plugin's own classes and
 * {@code lib/}, or the JDK. A plugin that cannot be read, loaded, resolved, linked or started, or
 * one of whose extensions cannot be created, is recorded in {@link #failures()} with its file, id
 * and why, and skipped; the others still load. Thread-safe after construction. Closing it stops and
 * unloads the plugins.
 */
public final class PluginHost implements AutoCloseable {

    private final PluginDirectories directories;
    private final KaizenPluginManager manager;
    private final List<PluginFailure> failures = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<Object>> failedInstances;

    private PluginHost(PluginDirectories directories) {
        this.directories = directories;
        this.manager = new KaizenPluginManager(directories, failures);
        if (!directories.directories().isEmpty()) {
            manager.loadAndStart();
        }
        this.failedInstances = manager.failedExtensions();
    }

    /**
     * Loads the plugins of {@code directories}, one directory after the other (none: classpath
     * extensions only). A directory that does not exist holds no plugins.
     */
    public static PluginHost load(PluginDirectories directories) {
        return new PluginHost(directories);
    }

    /**
     * Loads the plugins of {@code directory} (which may be null for classpath extensions only),
     * unpacking zips of a read-only directory under {@code ~/.cache/kaizen/plugins}.
     */
    public static PluginHost load(Path directory) {
        PluginDirectories none = PluginDirectories.none(System.getenv());
        return new PluginHost(directory == null ? none
                : new PluginDirectories(List.of(directory.toAbsolutePath().normalize()), none.unpackDirectory()));
    }

    /** The plugins directories, in load order; empty for classpath extensions only. */
    public List<Path> directories() {
        return directories.directories();
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
                // only the plugin's own classes: an index can name no others, but a class is checked, not trusted
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
            PluginWrapper plugin = manager.getPlugin(origin);
            failures.add(new PluginFailure(file, plugin == null ? "" : origin, PluginFailure.FAILED, "cannot create "
                    + "its extension " + wrapper.getDescriptor().extensionClass.getName() + ": "
                    + (plugin == null ? PluginDirectoryRepository.message(cause)
                            : KaizenPluginManager.describe(cause, plugin))));
            return Optional.empty();
        }
    }

    /**
     * Every plugin with an id, by id: those PF4J loaded (in PF4J's state, or {@code FAILED} where a
     * check, its start or one of its extensions failed) and those refused because their id was taken
     * ({@code CONFLICT}).
     */
    public List<PluginInfo> plugins() {
        List<PluginInfo> out = new ArrayList<>();
        for (PluginWrapper plugin : manager.getPlugins()) {
            Path path = plugin.getPluginPath();
            String state = manager.failedPlugins().containsKey(plugin.getPluginId()) ? PluginFailure.FAILED
                    : plugin.getPluginState().toString();
            out.add(new PluginInfo(plugin.getPluginId(), plugin.getDescriptor().getVersion(), path,
                    manager.source(plugin), state,
                    plugin.getDescriptor().getPluginDescription()));
        }
        out.addAll(manager.rejected());
        out.sort(Comparator.comparing(PluginInfo::id));
        return out;
    }

    /**
     * The parts of the failed plugins that could still be named, as instances of {@code type} with
     * their plugin id as origin: only to say why a recipe that names one cannot use it. Never run them.
     */
    public <T> List<LoadedExtension<T>> failedExtensions(Class<T> type) {
        List<LoadedExtension<T>> found = new ArrayList<>();
        failedInstances.forEach((id, instances) -> {
            for (Object instance : instances) {
                if (type.isInstance(instance)) {
                    found.add(new LoadedExtension<>(type.cast(instance), id));
                }
            }
        });
        return found;
    }

    /** Why the plugin with id {@code pluginId} failed, if it did. */
    public Optional<PluginFailure> failure(String pluginId) {
        return Optional.ofNullable(manager.failedPlugins().get(pluginId));
    }

    /** The file an extension's origin (a plugin id) was loaded from; the origin itself for core and classpath. */
    public String source(String origin) {
        PluginWrapper plugin = manager.getPlugin(origin);
        return plugin == null ? origin : manager.sourceName(plugin);
    }

    /**
     * The packages plugins see from the host, with why each is shared; everything else a plugin
     * uses comes from the plugin itself or the JDK.
     */
    public static Map<String, String> sharedPackages() {
        return SharedPackages.reasons();
    }

    /**
     * Names the plugin whose code could not link when {@code thrown} (or one of its causes) is a
     * {@link LinkageError} raised in a plugin's classes: {@code plugin 'ID' (FILE) cannot link: ...}
     * with the class involved and what to do. Empty for anything else.
     */
    public Optional<String> linkageFailure(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PluginLinkageException known) {
                return Optional.of(known.getMessage());
            }
            if (cause instanceof LinkageError error) {
                for (PluginWrapper plugin : manager.getPlugins()) {
                    if (plugin.getPluginClassLoader() instanceof IsolatedPluginClassLoader loader) {
                        Optional<String> user = PluginFrames.firstOf(error, loader);
                        if (user.isPresent()) {
                            return Optional.of("plugin '" + plugin.getPluginId() + "' (" + manager.sourceName(plugin)
                                    + ") " + LinkageMessages.of(error, user.get(), loader));
                        }
                    }
                }
            }
        }
        return Optional.empty();
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
