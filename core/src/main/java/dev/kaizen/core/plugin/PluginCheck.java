package dev.kaizen.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.pf4j.Plugin;
import org.pf4j.PluginWrapper;

/**
 * Checks a loaded plugin before it starts, so that one that would fail later is reported now with
 * what to do: its {@code Plugin-Class} and the classes its {@code META-INF/extensions.idx} names are
 * in the plugin, and every class its own code names (the jar's classes, or an expanded zip's
 * {@code classes/}; not the libraries in its {@code lib/}, which may name optional classes) can be
 * loaded: from the plugin, the plugins it depends on, the {@link SharedPackages} or the JDK.
 * Stateless.
 */
final class PluginCheck {

    private PluginCheck() {
    }

    /**
     * What is wrong with {@code plugin}, in one line, or empty.
     *
     * @param extensions the class names its extension index lists
     */
    static Optional<String> problem(PluginWrapper plugin, Set<String> extensions) {
        if (!(plugin.getPluginClassLoader() instanceof IsolatedPluginClassLoader loader)) {
            return Optional.empty();
        }
        String pluginClass = plugin.getDescriptor().getPluginClass();
        if (pluginClass != null && !pluginClass.isBlank() && !pluginClass.equals(Plugin.class.getName())
                && loader.findResource(classFile(pluginClass)) == null) {
            return Optional.of("has Plugin-Class " + pluginClass + ", which is not in the plugin; correct Plugin-Class "
                    + "in its manifest (plugin.class in plugin.properties), or rebuild the plugin");
        }
        for (String extension : extensions.stream().sorted().toList()) {
            if (loader.findResource(classFile(extension)) == null) {
                return Optional.of("lists extension " + extension + " in META-INF/extensions.idx, but that class is "
                        + "not in the plugin; rebuild the plugin so that the index lists its own classes");
            }
        }
        return unresolved(plugin.getPluginPath(), loader);
    }

    /** The first class the plugin's own code names that cannot be loaded, with the number of others. */
    private static Optional<String> unresolved(Path pluginPath, IsolatedPluginClassLoader loader) {
        List<ClassReferences> own = ownClasses(pluginPath);
        Set<String> defined = new HashSet<>();
        own.forEach(classFile -> defined.add(classFile.className()));
        Map<String, String> missing = new LinkedHashMap<>();
        Set<String> found = new HashSet<>();
        for (ClassReferences classFile : own) {
            for (String name : classFile.referenced()) {
                if (defined.contains(name) || found.contains(name) || missing.containsKey(name)) {
                    continue;
                }
                ClassLoader where = SharedPackages.isShared(name) ? loader.shared() : loader;
                if (where.getResource(classFile(name)) != null) {
                    found.add(name);
                } else {
                    missing.put(name, classFile.className());
                }
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<String, String> first = missing.entrySet().iterator().next();
        String more = missing.size() == 1 ? "" : " (and " + (missing.size() - 1) + " more missing: "
                + String.join(", ", new ArrayList<>(missing.keySet()).subList(1, Math.min(missing.size(), 4)))
                + (missing.size() > 4 ? ", ..." : "") + ")";
        return Optional.of(LinkageMessages.missingClass(first.getValue(), first.getKey(), loader.shared()) + more);
    }

    /** The plugin's own class files, in name order: a jar's, or a folder's {@code classes/}. */
    private static List<ClassReferences> ownClasses(Path pluginPath) {
        List<ClassReferences> classes = new ArrayList<>();
        try {
            if (Files.isDirectory(pluginPath)) {
                Path root = pluginPath.resolve("classes");
                if (!Files.isDirectory(root)) {
                    return classes;
                }
                List<Path> files;
                try (Stream<Path> walk = Files.walk(root)) {
                    files = walk.filter(p -> isOwnClass(root.relativize(p).toString().replace('\\', '/')))
                            .filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : files) {
                    try (InputStream in = Files.newInputStream(file)) {
                        classes.add(ClassReferences.read(in));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(pluginPath.toFile())) {
                    List<JarEntry> entries = new ArrayList<>();
                    for (Enumeration<JarEntry> all = jar.entries(); all.hasMoreElements(); ) {
                        JarEntry entry = all.nextElement();
                        if (!entry.isDirectory() && isOwnClass(entry.getName())) {
                            entries.add(entry);
                        }
                    }
                    for (JarEntry entry : entries) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            classes.add(ClassReferences.read(in));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes of " + pluginPath + ": " + e.getMessage(), e);
        }
        return classes;
    }

    private static boolean isOwnClass(String path) {
        return path.endsWith(".class") && !path.startsWith("META-INF/") && !path.endsWith("module-info.class")
                && !path.endsWith("package-info.class");
    }

    private static String classFile(String className) {
        return className.replace('.', '/') + ".class";
    }
}
