package dev.kaizen.core.plugin;

import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says why a plugin's class cannot link and what to do about it, in one line: the class that needs
 * something, what it needs, where that was looked for, and whether to bundle a library in the
 * plugin's {@code lib/} or rebuild the plugin against the host's api. Stateless.
 */
final class LinkageMessages {

    /** {@code 'java.lang.Object com.google.common.base.Objects.firstNonNull(java.lang.Object, java.lang.Object)'}. */
    private static final Pattern METHOD = Pattern.compile("'?(?:\\S+ )?([\\w$.]+)\\.([\\w$<>]+)\\(.*\\)'?");
    /** {@code Class com.example.Config does not have member field 'int size'}. */
    private static final Pattern FIELD = Pattern.compile("Class ([\\w$.]+) does not have member field '(.+)'");

    private LinkageMessages() {
    }

    /** {@code user} names {@code missing}, which the plugin cannot load. */
    static String missingClass(String user, String missing, SharedClassLoader shared) {
        if (SharedPackages.isShared(missing)) {
            return "cannot link: " + user + " needs class " + missing + ", which the host's package " + packageOf(missing)
                    + " does not have; use a build of the plugin made against this host's version of that library";
        }
        String host = shared.hostSource(missing);
        return "cannot link: " + user + " needs class " + missing + ", which is neither in the plugin nor shared by "
                + "the host; bundle the library that has it in the plugin's lib/"
                + (host == null ? "" : " (the host's copy, in " + host + ", is not visible to plugins)");
    }

    /** A {@link LinkageError} thrown while code of the plugin's class {@code user} ran. */
    static String of(LinkageError error, String user, IsolatedPluginClassLoader loader) {
        String message = error.getMessage() == null ? "" : error.getMessage().strip();
        if (error instanceof NoClassDefFoundError) {
            if (message.startsWith("Could not initialize class ")) {
                return "cannot link: " + user + " needs class " + message.substring("Could not initialize class ".length())
                        + ", whose initialisation failed earlier in this run (--verbose shows why)";
            }
            return missingClass(user, message.replace('/', '.'), loader.shared());
        }
        String owner = null;
        String member = message;
        Matcher method = METHOD.matcher(message);
        Matcher field = FIELD.matcher(message);
        if (error instanceof NoSuchMethodError && method.matches()) {
            owner = method.group(1);
            member = "method " + method.group(2) + " (" + message.replace("'", "") + ")";
        } else if (error instanceof NoSuchFieldError && field.matches()) {
            owner = field.group(1);
            member = "field " + field.group(2);
        }
        if (owner == null) {
            return "cannot link: " + user + ": " + error.getClass().getSimpleName() + ": " + message
                    + "; rebuild the plugin against this host's kaizen-api and bundle every library it uses in its lib/";
        }
        return "cannot link: " + user + " uses " + member + ", which class " + owner + " (" + source(owner, loader)
                + ") does not have; " + advice(owner);
    }

    private static String advice(String owner) {
        return SharedPackages.isShared(owner)
                ? "that class is the host's (plugins share " + packageOf(owner) + "), so rebuild the plugin against "
                        + "this host's version of it"
                : "bundle the version of that library the plugin was built against in the plugin's lib/";
    }

    private static String source(String className, IsolatedPluginClassLoader loader) {
        String path = className.replace('.', '/') + ".class";
        if (SharedPackages.isShared(className)) {
            URL url = loader.shared().getResource(path);
            return url == null ? "the host's" : "the host's " + ClassSources.fileName(url, path);
        }
        URL own = loader.findResource(path);
        if (own != null) {
            return "the plugin's " + ClassSources.fileName(own, path);
        }
        URL any = loader.getResource(path);
        return any == null ? "not found" : ClassSources.fileName(any, path);
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(0, dot);
    }
}
