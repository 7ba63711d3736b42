package dev.kaizen.core.plugin;

import dev.kaizen.core.BadInputException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where plugins are loaded from, in this order: the built-in plugins ({@code $KAIZEN_HOME/plugins},
 * unless left out), each directory of {@code $KAIZEN_PLUGINS} (a path list, separated by
 * {@code :}, or {@code ;} on Windows) and each {@code --plugins DIR}. A user's directories add to
 * the built-ins; a directory named twice is read once. Zips in a directory that cannot be written
 * are unpacked under {@link #unpackDirectory()}.
 *
 * @param directories the directories, absolute and normalised, in load order
 * @param unpackDirectory where zips of read-only directories are unpacked: {@code $KAIZEN_CACHE/plugins},
 *     else {@code $XDG_CACHE_HOME/kaizen/plugins}, else {@code ~/.cache/kaizen/plugins}
 */
public record PluginDirectories(List<Path> directories, Path unpackDirectory) {

    /** The environment variable with the user's plugins directories. */
    public static final String VARIABLE = "KAIZEN_PLUGINS";

    public PluginDirectories {
        directories = List.copyOf(directories);
        unpackDirectory = unpackDirectory.toAbsolutePath().normalize();
    }

    /** No directory: the classpath's extensions only. */
    public static PluginDirectories none(Map<String, String> environment) {
        return new PluginDirectories(List.of(), unpackDirectory(environment));
    }

    /**
     * The directories for a command.
     *
     * @param environment the process environment ({@code KAIZEN_HOME}, {@code KAIZEN_PLUGINS}, {@code KAIZEN_CACHE})
     * @param given the {@code --plugins} directories, in the order given
     * @param builtIn whether to load {@code $KAIZEN_HOME/plugins}
     * @throws BadInputException if a directory of {@code KAIZEN_PLUGINS} or {@code --plugins} does not exist
     */
    public static PluginDirectories resolve(Map<String, String> environment, List<Path> given, boolean builtIn) {
        Set<Path> directories = new LinkedHashSet<>();
        String home = environment.get("KAIZEN_HOME");
        if (builtIn && home != null && !home.isBlank()) {
            directories.add(Path.of(home, "plugins").toAbsolutePath().normalize());
        }
        String variable = environment.get(VARIABLE);
        if (variable != null) {
            for (String entry : variable.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    directories.add(existing(Path.of(entry.strip()), VARIABLE));
                }
            }
        }
        for (Path directory : given) {
            directories.add(existing(directory, "--plugins"));
        }
        return new PluginDirectories(new ArrayList<>(directories), unpackDirectory(environment));
    }

    private static Path existing(Path directory, String from) {
        if (!Files.isDirectory(directory)) {
            throw new BadInputException("plugins directory " + directory + " does not exist (from " + from + "); "
                    + "name an existing directory, or leave it out");
        }
        return directory.toAbsolutePath().normalize();
    }

    private static Path unpackDirectory(Map<String, String> environment) {
        String cache = environment.get("KAIZEN_CACHE");
        if (cache != null && !cache.isBlank()) {
            return Path.of(cache, "plugins");
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "kaizen", "plugins");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "kaizen", "plugins");
    }
}
