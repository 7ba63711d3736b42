package dev.kaizen.core.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.pf4j.PluginRepository;

/**
 * The plugins directories as PF4J sees them, one after the other: in each, zips (checked, then
 * expanded — see {@link ZipExpansion}), jars (checked) and expanded plugin folders, in name order.
 * Unreadable files are recorded as failures instead of being handed to PF4J. Not thread-safe.
 */
final class PluginDirectoryRepository implements PluginRepository {

    private final PluginDirectories directories;
    private final List<PluginFailure> failures;
    private final Map<Path, Path> sources = new HashMap<>();

    PluginDirectoryRepository(PluginDirectories directories, List<PluginFailure> failures) {
        this.directories = directories;
        this.failures = failures;
    }

    /** The file a plugin path came from (a zip for an expanded folder), for messages. */
    String sourceName(Path pluginPath) {
        return source(pluginPath).getFileName().toString();
    }

    /** The file or folder a plugin path came from: the zip for an expanded folder, else the path itself. */
    Path source(Path pluginPath) {
        return sources.getOrDefault(pluginPath, pluginPath);
    }

    @Override
    public List<Path> getPluginPaths() {
        List<Path> paths = new ArrayList<>();
        for (Path root : directories.directories()) {
            paths.addAll(pluginPaths(root));
        }
        return paths;
    }

    private List<Path> pluginPaths(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> entries;
        try (Stream<Path> listing = Files.list(root)) {
            entries = listing.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            failures.add(new PluginFailure(root.toString(), "cannot list the plugins directory: " + e.getMessage()));
            return List.of();
        }
        Set<Path> expansions = new HashSet<>();
        List<Path> paths = new ArrayList<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!Files.isRegularFile(entry) || !(lower.endsWith(".zip") || lower.endsWith(".jar"))) {
                continue;
            }
            Path folder = entry.resolveSibling(name.substring(0, name.length() - 4));
            if (lower.endsWith(".zip")) {
                expansions.add(folder);
                try (ZipFile zip = new ZipFile(entry.toFile())) {
                    if (zip.size() == 0) {
                        throw new IOException("the zip is empty");
                    }
                } catch (IOException e) {
                    failures.add(new PluginFailure(name, "not a readable zip (" + message(e) + ")"));
                    continue;
                }
                try {
                    Path expanded = ZipExpansion.expand(entry, directories.unpackDirectory());
                    sources.put(expanded, entry);
                    paths.add(expanded);
                } catch (IOException | RuntimeException e) {
                    failures.add(new PluginFailure(name, "cannot expand the zip (" + message(e) + ")"));
                }
            } else {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    if (jar.getManifest() == null) {
                        throw new IOException("the jar has no manifest");
                    }
                } catch (IOException e) {
                    failures.add(new PluginFailure(name, "not a readable jar (" + message(e) + ")"));
                    continue;
                }
                paths.add(entry);
            }
        }
        for (Path entry : entries) {
            if (Files.isDirectory(entry) && !expansions.contains(entry)) {
                paths.add(entry);
            }
        }
        return paths;
    }

    @Override
    public boolean deletePluginPath(Path pluginPath) {
        return false;
    }

    static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }
}
