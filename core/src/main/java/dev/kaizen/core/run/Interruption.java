package dev.kaizen.core.run;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What happens when a run is stopped by SIGTERM or SIGINT (Ctrl-C): a JVM shutdown hook, held for the
 * run's duration, that lets the run record that it was interrupted and then stops every process the
 * run started (the whole tree: an external trainer and whatever it spawned).
 */
final class Interruption implements AutoCloseable {

    /** How long started processes get to end after SIGTERM before they are killed. */
    static final long GRACE_MILLIS = 5_000;

    private final Thread hook;

    private Interruption(Runnable onSignal) {
        this.hook = new Thread(() -> {
            onSignal.run();
            stopChildProcesses();
        }, "kaizen-interrupt");
    }

    /** Holds a shutdown hook that runs {@code onSignal}, then stops child processes, until closed. */
    static Interruption install(Runnable onSignal) {
        Interruption interruption = new Interruption(onSignal);
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        return interruption;
    }

    /**
     * Stops every descendant of this process: SIGTERM to all of them at once (taken as one snapshot,
     * so grandchildren whose parent ends first are still reached), then SIGKILL to those still alive
     * after {@link #GRACE_MILLIS}.
     */
    static void stopChildProcesses() {
        List<ProcessHandle> tree = ProcessHandle.current().descendants().toList();
        if (tree.isEmpty()) {
            return;
        }
        tree.forEach(ProcessHandle::destroy);
        CompletableFuture<?>[] exits = tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // some did not end in time: killed below
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs
        }
    }
}
