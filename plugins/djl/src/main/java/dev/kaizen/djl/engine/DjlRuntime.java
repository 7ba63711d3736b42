package dev.kaizen.djl.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Runs code that touches DJL with the thread's context class loader set to this plugin's class
 * loader, and restores the previous one afterwards.
 *
 * <p>Inside a PF4J plugin DJL finds its engine through {@code ServiceLoader} on the context class
 * loader; without this it fails with "No deep learning engine found". The native library loads once
 * per JVM. PyTorch's intra-op thread count is global to the process: {@link #threads(int)} sets it,
 * and the last caller wins. Thread-safe.
 */
public final class DjlRuntime {

    private static final ClassLoader PLUGIN_LOADER = DjlRuntime.class.getClassLoader();
    private static final Object LOCK = new Object();
    private static volatile Engine engine;

    private DjlRuntime() {
    }

    /** Runs {@code body} with the plugin's class loader as context class loader. */
    public static <T> T call(Supplier<T> body) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (previous == PLUGIN_LOADER) {
            return body.get();
        }
        thread.setContextClassLoader(PLUGIN_LOADER);
        try {
            return body.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** As {@link #call(Supplier)} for code that throws checked exceptions. */
    public static <T> T callChecked(Callable<T> body) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PLUGIN_LOADER);
        try {
            return body.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** As {@link #call(Supplier)} without a result. */
    public static void run(Runnable body) {
        call(() -> {
            body.run();
            return null;
        });
    }

    /**
     * The PyTorch engine, loaded on first use.
     *
     * @throws IllegalStateException with what to check if the engine cannot be loaded
     */
    public static Engine engine() {
        Engine loaded = engine;
        if (loaded != null) {
            return loaded;
        }
        synchronized (LOCK) {
            if (engine == null) {
                engine = call(() -> {
                    NativePlatform.check(NativePlatform.current(),
                            NativePlatform.bundled(Thread.currentThread().getContextClassLoader()));
                    try {
                        return Engine.getEngine("PyTorch");
                    } catch (RuntimeException | UnsatisfiedLinkError e) {
                        throw new IllegalStateException("cannot load the DJL PyTorch engine (" + e.getMessage()
                                + "); the djl plugin needs pytorch-engine, pytorch-jni and pytorch-native-cpu in its"
                                + " lib/ folder and a writable DJL_CACHE_DIR (default ~/.djl.ai) to unpack the"
                                + " native library into", e);
                    }
                });
            }
            return engine;
        }
    }

    /** Sets PyTorch's intra-op and inter-op thread counts (process-wide). */
    public static void threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("thread count must be >= 1, got " + count);
        }
        engine();
        run(() -> {
            if (JniUtils.getNumThreads() != count) {
                JniUtils.setNumThreads(count);
            }
        });
    }
}
