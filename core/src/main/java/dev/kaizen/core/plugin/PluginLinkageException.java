package dev.kaizen.core.plugin;

/**
 * A plugin's code could not link while it ran; the message names the plugin, its file, the class
 * involved and what to do (see {@link PluginHost#linkageFailure}).
 */
public final class PluginLinkageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the one-line explanation
     * @param cause the {@link LinkageError}, or what carried it
     */
    public PluginLinkageException(String message, Throwable cause) {
        super(message, cause);
    }
}
