package dev.kaizen.core.plugin;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A plugin PF4J loaded.
 *
 * @param id the plugin id
 * @param version its version
 * @param path where it was loaded from (a jar, or the folder a zip was expanded into)
 * @param source the file it came from: the jar, the zip its folder was expanded from, or the folder
 *     itself when it was dropped in expanded
 * @param state PF4J's state, e.g. {@code STARTED}
 * @param description the plugin's description, possibly empty
 */
public record PluginInfo(String id, String version, Path path, Path source, String state, String description) {

    public PluginInfo {
        requireNonNull(id, "id is null");
        requireNonNull(version, "version is null");
        requireNonNull(path, "path is null");
        requireNonNull(source, "source is null");
        requireNonNull(state, "state is null");
        description = description == null ? "" : description;
    }
}
