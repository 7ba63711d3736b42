package dev.kaizen.core.plugin;

import static java.util.Objects.requireNonNull;

/**
 * A plugin file that could not be used.
 *
 * @param file the file or folder name inside the plugins directory, e.g. {@code broken.jar}
 * @param reason what went wrong, one line
 */
public record PluginFailure(String file, String reason) {

    public PluginFailure {
        requireNonNull(file, "file is null");
        requireNonNull(reason, "reason is null");
    }

    /** {@code file: reason}, the line shown to the user. */
    public String describe() {
        return file + ": " + reason;
    }
}
