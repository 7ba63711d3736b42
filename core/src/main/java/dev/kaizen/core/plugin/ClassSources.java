package dev.kaizen.core.plugin;

import java.net.URL;

/** Names the file a class was found in, for messages. Stateless. */
final class ClassSources {

    private ClassSources() {
    }

    /**
     * Where the resource {@code path} was found, for messages: the jar's file name for
     * {@code jar:file:/x/guava-31.0.1-jre.jar!/com/...}, the module for {@code jrt:/java.base/...}, else
     * the folder the class path starts at.
     */
    static String fileName(URL url, String path) {
        String text = url.toString();
        int bang = text.indexOf("!/");
        if (text.startsWith("jar:") && bang > 0) {
            String jar = text.substring(0, bang);
            return jar.substring(jar.lastIndexOf('/') + 1);
        }
        if (text.startsWith("jrt:/")) {
            String rest = text.substring("jrt:/".length());
            int slash = rest.indexOf('/');
            return "the JDK's " + (slash < 0 ? rest : rest.substring(0, slash));
        }
        String folder = text.endsWith(path) ? text.substring(0, text.length() - path.length()) : text;
        return folder.startsWith("file:") ? folder.substring("file:".length()) : folder;
    }
}
