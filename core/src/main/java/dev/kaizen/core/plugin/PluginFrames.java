package dev.kaizen.core.plugin;

import java.util.Optional;

/** Finds, in a throwable's stack trace, the code of a plugin that was running when it was thrown. Stateless. */
final class PluginFrames {

    private PluginFrames() {
    }

    /** The class of the innermost frame of {@code thrown} that {@code loader} defined, if any. */
    static Optional<String> firstOf(Throwable thrown, IsolatedPluginClassLoader loader) {
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (loader.defines(frame.getClassName())) {
                return Optional.of(frame.getClassName());
            }
        }
        return Optional.empty();
    }
}
