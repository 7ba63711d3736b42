package dev.kaizen.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds plugin files in a temporary folder, as a vendor would outside the project: compiles Java
 * source with javax.tools, packs libraries, plugin jars (PF4J manifest) and plugin zips
 * ({@code plugin.properties}, {@code classes/}, {@code lib/}).
 */
public final class PluginFiles {

    private static final Pattern TYPE = Pattern.compile("package ([\\w.]+);.*?public (?:final )?(?:class|record|interface) (\\w+)",
            Pattern.DOTALL);

    private PluginFiles() {
    }

    /**
     * Compiles {@code sources} (each a whole compilation unit) into {@code classes}, against
     * {@code libraries} and the test class path.
     */
    public static Path compile(Path classes, List<Path> libraries, String... sources) throws IOException {
        Path folder = Files.createDirectories(classes.resolveSibling(classes.getFileName() + "-src"));
        // the libraries first, so that they win over another version on the test class path
        String classpath = libraries.stream().map(p -> p + File.pathSeparator).reduce("", String::concat)
                + System.getProperty("java.class.path");
        List<String> arguments = new ArrayList<>(List.of("-proc:none", "-d", classes.toString(), "-classpath", classpath));
        for (String source : sources) {
            Matcher type = TYPE.matcher(source);
            assertThat(type.find()).as("a public type in\n" + source).isTrue();
            Path file = Files.createDirectories(folder.resolve(type.group(1).replace('.', '/'))).resolve(type.group(2) + ".java");
            arguments.add(Files.writeString(file, source).toString());
        }
        Files.createDirectories(classes);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int code = compiler.run(null, null, errors, arguments.toArray(String[]::new));
        assertThat(code).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        return classes;
    }

    /** Writes {@code META-INF/extensions.idx} listing {@code classNames}. */
    public static void index(Path classes, String... classNames) throws IOException {
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/extensions.idx"), String.join("\n", classNames) + "\n");
    }

    /** A plain jar of {@code classes}, e.g. a library. */
    public static Path library(Path target, Path classes) throws IOException {
        return jar(target, classes, Map.of());
    }

    /** A plugin jar: {@code classes} with the PF4J manifest entries; {@code pluginClass} may be null. */
    public static Path pluginJar(Path target, Path classes, String id, String pluginClass) throws IOException {
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        entries.put("Plugin-Id", id);
        entries.put("Plugin-Version", "1.0.0");
        entries.put("Plugin-Provider", "Example Corp");
        entries.put("Plugin-Description", "a plugin built by a test");
        if (pluginClass != null) {
            entries.put("Plugin-Class", pluginClass);
        }
        return jar(target, classes, entries);
    }

    /** A plugin zip as the build packs them: {@code plugin.properties}, {@code classes/} and {@code lib/}. */
    public static Path pluginZip(Path target, Path classes, String id, List<Path> libraries) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("plugin.properties"));
            out.write(("plugin.id=" + id + "\nplugin.version=2.0.0\nplugin.provider=Example Corp\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            for (Path path : files(classes)) {
                out.putNextEntry(new ZipEntry("classes/" + classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
            for (Path library : libraries) {
                out.putNextEntry(new ZipEntry("lib/" + library.getFileName()));
                Files.copy(library, out);
                out.closeEntry();
            }
        }
        return target;
    }

    private static Path jar(Path target, Path classes, Map<String, String> entries) throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        entries.forEach(attributes::putValue);
        try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Path path : files(classes)) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
        return target;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
