package dev.kaizen.core.plugin;

import static java.util.Objects.requireNonNull;

/**
 * A plugin file, or a plugin, that could not be used.
 *
 * @param file the file or folder name inside the plugins directory, e.g. {@code broken.jar}
 * @param pluginId the plugin's id where it was read, else empty
 * @param state {@link #FAILED}, or {@link #CONFLICT} where it clashes with another plugin
 * @param reason what went wrong and what to do, one line; where the id is known it reads on from
 *     {@code plugin 'ID'}, e.g. {@code cannot link: ...} or {@code failed to start: ...}
 */
public record PluginFailure(String file, String pluginId, String state, String reason) {

    /** The plugin cannot be used: unreadable, broken, or its classes cannot link. */
    public static final String FAILED = "FAILED";
    /** The plugin claims something (its id, a part's name) that another plugin claims too. */
    public static final String CONFLICT = "CONFLICT";

    public PluginFailure {
        requireNonNull(file, "file is null");
        pluginId = pluginId == null ? "" : pluginId;
        requireNonNull(state, "state is null");
        requireNonNull(reason, "reason is null");
    }

    /** A file that failed before its plugin id was known. */
    public PluginFailure(String file, String reason) {
        this(file, "", FAILED, reason);
    }

    /** {@code file: reason}, the line shown to the user. */
    public String describe() {
        return file + ": " + reason;
    }

    /** {@code FILE: STATE: plugin 'ID' REASON}, the line {@code kaizen plugins} shows. */
    public String line() {
        return file + ": " + state + ": " + (pluginId.isEmpty() ? "" : "plugin '" + pluginId + "' ") + reason;
    }

    /** {@code plugin 'id' (file)}, or the file alone where the id is unknown. */
    public String plugin() {
        return pluginId.isEmpty() ? file : "plugin '" + pluginId + "' (" + file + ")";
    }
}
