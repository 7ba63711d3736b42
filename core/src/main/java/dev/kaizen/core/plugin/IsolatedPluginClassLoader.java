package dev.kaizen.core.plugin;

import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader: the {@link SharedPackages} always from the host (a copy inside the
 * plugin is never used), every other class from the plugin first (its classes, then its
 * {@code lib/}), then from the plugins it depends on, then from the JDK. Its parent, a
 * {@link SharedClassLoader}, hides the host's other libraries. Thread-safe.
 */
final class IsolatedPluginClassLoader extends PluginClassLoader {

    static {
        registerAsParallelCapable();
    }

    IsolatedPluginClassLoader(PluginManager manager, PluginDescriptor descriptor, SharedClassLoader parent) {
        super(manager, descriptor, parent, ClassLoadingStrategy.PDA);
    }

    @Override
    public Class<?> loadClass(String name) throws ClassNotFoundException {
        if (SharedPackages.isShared(name)) {
            return getParent().loadClass(name);
        }
        return super.loadClass(name);
    }

    /** Whether this loader defined the class named {@code className} (it came from the plugin itself). */
    boolean defines(String className) {
        Class<?> loaded = findLoadedClass(className);
        return loaded != null && loaded.getClassLoader() == this;
    }

    /** The host's loader of the shared packages, which is this loader's parent. */
    SharedClassLoader shared() {
        return (SharedClassLoader) getParent();
    }
}
