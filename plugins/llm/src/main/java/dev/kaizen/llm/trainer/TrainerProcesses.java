package dev.kaizen.llm.trainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The processes a trainer command started, so that those still running after it ended (workers of a
 * launcher that crashed, a child a script put in the background) are stopped although they no longer
 * descend from anything of ours. On Linux the command starts in a session of its own ({@code setsid});
 * when it ends, every process still in that session is stopped, and a process that left it (a model
 * server restarted with {@code setsid} or {@code start_new_session}) was detached on purpose and is
 * left alone. Elsewhere its descendants are looked at every {@value #POLL_MILLIS} ms while it runs and
 * those still running are stopped after a failure. Used by one thread.
 */
final class TrainerProcesses {

    static final long POLL_MILLIS = 200;
    /** How long leftovers get to end after SIGTERM before they are killed. */
    static final long GRACE_MILLIS = 5_000;

    private static final Path PROC = Path.of("/proc");

    private final Process process;
    private final boolean ownSession;
    private final Map<Long, ProcessHandle> seen = new LinkedHashMap<>();

    /** @param ownSession whether the command was started with {@link #inOwnSession} (its pid is its session id) */
    TrainerProcesses(Process process, boolean ownSession) {
        this.process = process;
        this.ownSession = ownSession;
    }

    /** The command line that starts {@code argv} in a session of its own, or null where that is not available. */
    static List<String> inOwnSession(List<String> argv) {
        if (!Files.isDirectory(PROC.resolve("self"))) {
            return null;
        }
        String path = System.getenv("PATH");
        for (String folder : (path == null ? "/usr/bin:/bin" : path).split(java.io.File.pathSeparator)) {
            Path setsid = Path.of(folder.isEmpty() ? "." : folder, "setsid");
            if (Files.isExecutable(setsid)) {
                List<String> wrapped = new ArrayList<>(List.of(setsid.toString(), "--wait"));
                wrapped.addAll(argv);
                return wrapped;
            }
        }
        return null;
    }

    /** Waits up to {@code timeoutMillis} for the trainer to end, remembering its descendants; true if it ended. */
    boolean waitFor(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            remember();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return !process.isAlive();
            }
            if (process.waitFor(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, POLL_MILLIS),
                    TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
    }

    private void remember() {
        process.descendants().forEach(h -> seen.putIfAbsent(h.pid(), h));
    }

    /**
     * Stops the remembered processes that still run in this process's session (SIGTERM, then SIGKILL
     * after {@link #GRACE_MILLIS}); returns their ids. {@code succeeded}: whether the trainer succeeded,
     * which decides for processes whose session cannot be read.
     */
    List<Long> stopLeftovers(boolean succeeded) {
        List<ProcessHandle> leftovers = ownSession ? inSession(process.pid()) : polled(succeeded);
        if (leftovers.isEmpty()) {
            return List.of();
        }
        leftovers.forEach(ProcessHandle::destroy);
        CompletableFuture<?>[] exits = leftovers.stream().map(ProcessHandle::onExit)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // some did not end in time: killed below
        }
        leftovers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return leftovers.stream().map(ProcessHandle::pid).toList();
    }

    /** The running processes (zombies aside) of session {@code id}. */
    private static List<ProcessHandle> inSession(long id) {
        List<ProcessHandle> found = new ArrayList<>();
        try (var entries = Files.list(PROC)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(name);
                OptionalLong session = session(pid);
                if (session.isPresent() && session.getAsLong() == id && !zombie(pid)) {
                    ProcessHandle.of(pid).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return found;
    }

    private List<ProcessHandle> polled(boolean succeeded) {
        if (process.isAlive()) {
            remember();
        }
        OptionalLong ours = session(ProcessHandle.current().pid());
        List<ProcessHandle> leftovers = new ArrayList<>();
        for (ProcessHandle handle : seen.values()) {
            if (!handle.isAlive()) {
                continue;
            }
            OptionalLong theirs = session(handle.pid());
            boolean detached = ours.isPresent() && theirs.isPresent() ? ours.getAsLong() != theirs.getAsLong()
                    : succeeded;
            if (!detached) {
                leftovers.add(handle);
            }
        }
        return leftovers;
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** The session id of a process from {@code /proc/PID/stat}; empty where that cannot be read. */
    static OptionalLong session(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
            // pid (comm) state ppid pgrp session ...; comm may hold spaces and parentheses
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return OptionalLong.of(Long.parseLong(fields[3]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
