package dev.kaizen.core.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFinder;
import org.pf4j.ExtensionWrapper;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * PF4J's default manager over the plugins directories, changed so that each plugin gets an
 * {@link IsolatedPluginClassLoader}, is checked ({@link PluginCheck}) before it starts and has its
 * extensions created once after, and so that each plugin that cannot be read, loaded, resolved,
 * checked, started or created is recorded as a {@link PluginFailure} and skipped while the others
 * load. A plugin that failed stays known (with its id, version and reason) but is never started.
 * Not thread-safe; used during start-up only.
 */
final class KaizenPluginManager extends DefaultPluginManager {

    /** What PF4J is given as its root, so that it never looks in a default one; the directories are read by the repository. */
    private static final Path NO_DIRECTORY = Path.of(".kaizen-no-plugins-directory");

    private final PluginDirectories directories;
    private final List<PluginFailure> failures;
    private final Map<String, PluginFailure> failedPlugins = new LinkedHashMap<>();
    private final List<PluginInfo> rejected = new ArrayList<>();
    private PluginDirectoryRepository directoryRepository;
    private ExtensionFinder finder;

    KaizenPluginManager(PluginDirectories directories, List<PluginFailure> failures) {
        super(NO_DIRECTORY);
        this.directories = directories;
        this.failures = failures;
    }

    @Override
    protected PluginRepository createPluginRepository() {
        // called from the super constructor, before this class's fields are set
        return null;
    }

    @Override
    protected PluginLoader createPluginLoader() {
        // called from the super constructor, before this class's fields are set
        return new IsolatedPluginLoader(this, new SharedClassLoader(KaizenPluginManager.class.getClassLoader()));
    }

    @Override
    protected ExtensionFinder createExtensionFinder() {
        finder = super.createExtensionFinder();
        return finder;
    }

    /** Loads, checks, resolves and starts every plugin of the directories, recording failures. */
    void loadAndStart() {
        directoryRepository = new PluginDirectoryRepository(directories, failures);
        for (Path path : directoryRepository.getPluginPaths()) {
            load(path);
        }
        resolveRecordingFailures();
        for (PluginWrapper plugin : getResolvedPlugins()) {
            Optional<String> problem;
            try {
                problem = PluginCheck.problem(plugin, getExtensionClassNames(plugin.getPluginId()));
            } catch (RuntimeException e) {
                problem = Optional.of("cannot be checked: " + PluginDirectoryRepository.message(e));
            }
            if (problem.isEmpty()) {
                problem = failedDependency(plugin);
            }
            problem.ifPresent(reason -> fail(plugin, reason));
        }
        for (PluginWrapper plugin : new ArrayList<>(getResolvedPlugins())) {
            if (!failedPlugins.containsKey(plugin.getPluginId())) {
                try {
                    startPlugin(plugin.getPluginId());
                } catch (RuntimeException | LinkageError e) {
                    fail(plugin, "failed to start: " + describe(e, plugin));
                }
            }
        }
        for (PluginWrapper plugin : new ArrayList<>(getPlugins())) {
            if (plugin.getPluginState() == PluginState.FAILED && !failedPlugins.containsKey(plugin.getPluginId())) {
                Throwable cause = plugin.getFailedException();
                fail(plugin, "failed to start: " + (cause == null ? "unknown reason" : describe(cause, plugin)));
            }
        }
        for (PluginWrapper plugin : new ArrayList<>(getStartedPlugins())) {
            createExtensions(plugin).ifPresent(reason -> {
                fail(plugin, reason);
                stopPlugin(plugin.getPluginId());
            });
        }
    }

    private void load(Path path) {
        String file = directoryRepository.sourceName(path);
        try {
            PluginDescriptor descriptor = getPluginDescriptorFinder().find(path);
            PluginWrapper loaded = descriptor.getPluginId() == null ? null : getPlugin(descriptor.getPluginId());
            if (loaded != null) {
                String id = descriptor.getPluginId();
                PluginFailure failure = new PluginFailure(file, id, PluginFailure.CONFLICT, "has the id of "
                        + sourceName(loaded) + ", which is loaded; remove one of the two files");
                failures.add(failure);
                rejected.add(new PluginInfo(id, String.valueOf(descriptor.getVersion()), path,
                        directoryRepository.source(path), failure.state(), descriptor.getPluginDescription()));
                return;
            }
            loadPluginFromPath(path);
        } catch (RuntimeException | LinkageError e) {
            failures.add(new PluginFailure(file, "cannot load: " + PluginDirectoryRepository.message(e)));
        }
    }

    private Optional<String> failedDependency(PluginWrapper plugin) {
        for (PluginDependency dependency : plugin.getDescriptor().getDependencies()) {
            if (failedPlugins.containsKey(dependency.getPluginId()) && !dependency.isOptional()) {
                return Optional.of("it depends on plugin '" + dependency.getPluginId() + "', which failed");
            }
        }
        return Optional.empty();
    }

    /** Creates each of a started plugin's extensions once; the first that cannot be created fails the plugin. */
    private Optional<String> createExtensions(PluginWrapper plugin) {
        for (String name : getExtensionClassNames(plugin.getPluginId()).stream().sorted().toList()) {
            try {
                getExtensionFactory().create(plugin.getPluginClassLoader().loadClass(name));
            } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
                return Optional.of("cannot create its extension " + name + ": " + describe(e, plugin));
            }
        }
        return Optional.empty();
    }

    /** The root cause of {@code thrown}, as a linkage message where it is one. */
    static String describe(Throwable thrown, PluginWrapper plugin) {
        Throwable cause = thrown;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof LinkageError error && plugin.getPluginClassLoader() instanceof IsolatedPluginClassLoader loader) {
            String user = PluginFrames.firstOf(error, loader).orElse("the plugin");
            return LinkageMessages.of(error, user, loader);
        }
        return PluginDirectoryRepository.message(cause);
    }

    private void fail(PluginWrapper plugin, String reason) {
        PluginFailure failure = new PluginFailure(sourceName(plugin), plugin.getPluginId(), PluginFailure.FAILED, reason);
        failedPlugins.put(plugin.getPluginId(), failure);
        failures.add(failure);
    }

    private void resolveRecordingFailures() {
        setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
        Map<String, PluginWrapper> before = new LinkedHashMap<>();
        for (PluginWrapper plugin : getPlugins()) {
            before.put(plugin.getPluginId(), plugin);
        }
        try {
            resolvePlugins();
        } catch (RuntimeException e) {
            for (PluginWrapper plugin : new ArrayList<>(getUnresolvedPlugins())) {
                failures.add(new PluginFailure(sourceName(plugin), plugin.getPluginId(), PluginFailure.FAILED,
                        "cannot be resolved: " + PluginDirectoryRepository.message(e)));
                unloadPlugin(plugin.getPluginId(), false);
            }
            return;
        }
        before.forEach((id, plugin) -> {
            if (getPlugin(id) == null) {
                failures.add(new PluginFailure(sourceName(plugin), id, PluginFailure.FAILED,
                        "has unmet dependencies: " + plugin.getDescriptor().getDependencies()));
            }
        });
    }

    /** Extensions of {@code type} from one plugin, or from the classpath when {@code pluginId} is null. */
    <T> List<ExtensionWrapper<T>> find(Class<T> type, String pluginId) {
        return finder.find(type, pluginId);
    }

    /** The plugins that failed, by id, with why. */
    Map<String, PluginFailure> failedPlugins() {
        return failedPlugins;
    }

    /** Files with a plugin id that were not loaded (their id was taken), in the order found. */
    List<PluginInfo> rejected() {
        return rejected;
    }

    /**
     * Instances of the extensions of the failed plugins that can still be created, by plugin id: only
     * to tell a recipe that names one of their parts why it is missing.
     */
    Map<String, List<Object>> failedExtensions() {
        Map<String, List<Object>> found = new LinkedHashMap<>();
        for (String id : failedPlugins.keySet()) {
            PluginWrapper plugin = getPlugin(id);
            if (plugin == null || plugin.getPluginClassLoader() == null) {
                continue;
            }
            List<Object> instances = new ArrayList<>();
            for (String name : getExtensionClassNames(id).stream().sorted().toList()) {
                try {
                    instances.add(getExtensionFactory().create(plugin.getPluginClassLoader().loadClass(name)));
                } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
                    // only the parts that can be named are listed
                }
            }
            found.put(id, instances);
        }
        return found;
    }

    /** The file or folder a plugin was loaded from: the zip of an expanded folder. */
    Path source(PluginWrapper plugin) {
        return directoryRepository == null ? plugin.getPluginPath() : directoryRepository.source(plugin.getPluginPath());
    }

    /** The file a plugin was loaded from, for messages. */
    String sourceName(PluginWrapper plugin) {
        return directoryRepository == null ? plugin.getPluginPath().getFileName().toString()
                : directoryRepository.sourceName(plugin.getPluginPath());
    }
}
