package dev.kaizen.core.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFinder;
import org.pf4j.ExtensionWrapper;
import org.pf4j.PluginRepository;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * PF4J's default manager over one plugins directory, changed so that each plugin that cannot be
 * read, loaded, resolved or started is recorded as a {@link PluginFailure} and skipped while the
 * others load. Not thread-safe; used during start-up only.
 */
final class KaizenPluginManager extends DefaultPluginManager {

    private final List<PluginFailure> failures;
    private PluginDirectoryRepository directoryRepository;
    private ExtensionFinder finder;

    KaizenPluginManager(Path root, List<PluginFailure> failures) {
        super(root);
        this.failures = failures;
    }

    @Override
    protected PluginRepository createPluginRepository() {
        // called from the super constructor, before this class's fields are set
        return null;
    }

    @Override
    protected ExtensionFinder createExtensionFinder() {
        finder = super.createExtensionFinder();
        return finder;
    }

    /** Loads, resolves and starts every plugin of the directory, recording failures. */
    void loadAndStart() {
        directoryRepository = new PluginDirectoryRepository(getPluginsRoot(), failures);
        for (Path path : directoryRepository.getPluginPaths()) {
            try {
                loadPluginFromPath(path);
            } catch (RuntimeException | LinkageError e) {
                failures.add(new PluginFailure(directoryRepository.sourceName(path),
                        "cannot load: " + PluginDirectoryRepository.message(e)));
            }
        }
        resolveRecordingFailures();
        startPlugins();
        for (PluginWrapper plugin : new ArrayList<>(getPlugins())) {
            if (plugin.getPluginState() == PluginState.FAILED) {
                Throwable cause = plugin.getFailedException();
                failures.add(new PluginFailure(directoryRepository.sourceName(plugin.getPluginPath()),
                        "plugin '" + plugin.getPluginId() + "' failed to start: "
                                + (cause == null ? "unknown reason" : PluginDirectoryRepository.message(cause))));
            }
        }
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
                failures.add(new PluginFailure(sourceName(plugin), "plugin '" + plugin.getPluginId()
                        + "' cannot be resolved: " + PluginDirectoryRepository.message(e)));
                unloadPlugin(plugin.getPluginId(), false);
            }
            return;
        }
        before.forEach((id, plugin) -> {
            if (getPlugin(id) == null) {
                failures.add(new PluginFailure(sourceName(plugin), "plugin '" + id
                        + "' has unmet dependencies: " + plugin.getDescriptor().getDependencies()));
            }
        });
    }

    /** Extensions of {@code type} from one plugin, or from the classpath when {@code pluginId} is null. */
    <T> List<ExtensionWrapper<T>> find(Class<T> type, String pluginId) {
        return finder.find(type, pluginId);
    }

    /** The file name a plugin was loaded from, for messages. */
    String sourceName(PluginWrapper plugin) {
        return directoryRepository == null ? plugin.getPluginPath().getFileName().toString()
                : directoryRepository.sourceName(plugin.getPluginPath());
    }
}
