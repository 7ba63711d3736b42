package dev.kaizen.core.plugin;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;

/**
 * The parent of every plugin's class loader: the host's classes and resources of the
 * {@link SharedPackages} only, and the JDK's (through the platform class loader); nothing of the
 * host's other libraries. Trino gives its plugins the same kind of parent. Thread-safe.
 */
final class SharedClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader host;

    /** @param host the class loader of the host's own classes (the application class loader) */
    SharedClassLoader(ClassLoader host) {
        super("kaizen-shared", getPlatformClassLoader());
        this.host = host;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (SharedPackages.isShared(name)) {
            return host.loadClass(name);
        }
        // the JDK's classes; anything else is not found
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return SharedPackages.isSharedResource(name) ? host.getResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return SharedPackages.isSharedResource(name) ? host.getResources(name) : super.getResources(name);
    }

    /** Where the host has a class from, e.g. {@code guava-31.0.1-jre.jar}, or null if it has none. */
    String hostSource(String className) {
        String path = className.replace('.', '/') + ".class";
        URL url = host.getResource(path);
        return url == null ? null : ClassSources.fileName(url, path);
    }
}
