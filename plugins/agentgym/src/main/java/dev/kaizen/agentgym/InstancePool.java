package dev.kaizen.agentgym;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The server instances an environment holds: at most {@code capacity}, each created once and then
 * reset for task after task. An episode takes one ({@link #acquire}) and gives it back when it ends
 * ({@link #release}); one that failed is dropped instead (and closed, where the server can close
 * instances). {@link #close} closes every instance left. Counts what it did. Thread-safe.
 */
final class InstancePool {

    private final int capacity;
    private final Supplier<JsonNode> creator;
    private final Predicate<JsonNode> closer;
    private final Duration wait;
    private final Deque<JsonNode> idle = new ArrayDeque<>();
    private final Set<JsonNode> busy = new HashSet<>();
    private int creating;
    private long created;
    private long reused;
    private long closed;
    private long dropped;
    private boolean shut;

    /**
     * @param creator creates an instance on the server and returns its id
     * @param closer closes an instance on the server (best effort, never throws) and says whether it did;
     *     null when the server cannot close instances
     * @param wait how long {@link #acquire} waits for a free instance when all are taken
     */
    InstancePool(int capacity, Supplier<JsonNode> creator, Predicate<JsonNode> closer, Duration wait) {
        this.capacity = capacity;
        this.creator = creator;
        this.closer = closer;
        this.wait = wait;
    }

    /**
     * An instance for a new episode: an idle one, else a new one while fewer than {@code capacity}
     * exist, else the next one given back.
     *
     * @throws AgentGymException if creating fails, or none is free in time
     */
    JsonNode acquire() {
        synchronized (this) {
            long deadline = System.nanoTime() + wait.toNanos();
            while (shut || idle.isEmpty() && busy.size() + creating >= capacity) {
                long left = deadline - System.nanoTime();
                if (shut) {
                    throw new AgentGymException("the environment is closed; no instance for a new episode");
                }
                if (left <= 0) {
                    throw new AgentGymException("all " + capacity + " server instances stayed busy for "
                            + wait.toSeconds() + " s; something holds episodes open without ending them (raise "
                            + "environment.instances, or open fewer episodes at once)");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AgentGymException("interrupted while waiting for a free server instance", e);
                }
            }
            if (!idle.isEmpty()) {
                JsonNode instance = idle.pop();
                busy.add(instance);
                reused++;
                return instance;
            }
            creating++;
        }
        JsonNode instance;
        try {
            instance = creator.get();
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                creating--;
                notifyAll();
            }
            throw e;
        }
        synchronized (this) {
            creating--;
            if (busy.contains(instance) || idle.contains(instance)) {
                notifyAll();
                throw new AgentGymException("the server gave instance " + instance + " again while it is in use: it "
                        + "keeps fewer instances apart than environment.instances (" + capacity + "); lower it");
            }
            busy.add(instance);
            created++;
        }
        return instance;
    }

    /**
     * Gives an instance back.
     *
     * @param reusable false when its episode failed: the instance is dropped (and closed where possible)
     */
    void release(JsonNode instance, boolean reusable) {
        boolean close;
        synchronized (this) {
            if (!busy.remove(instance)) {
                return;
            }
            close = !reusable || shut;
            if (close) {
                dropped += reusable ? 0 : 1;
            } else {
                idle.push(instance);
            }
            notifyAll();
        }
        if (close) {
            closeOnServer(instance);
        }
    }

    /** Closes every idle instance on the server; instances given back later are closed then. Idempotent. */
    void close() {
        List<JsonNode> left;
        synchronized (this) {
            shut = true;
            left = new ArrayList<>(idle);
            idle.clear();
            notifyAll();
        }
        left.forEach(this::closeOnServer);
    }

    /** Every instance still held, busy or idle: what an interrupted run closes. */
    synchronized List<JsonNode> held() {
        List<JsonNode> all = new ArrayList<>(idle);
        all.addAll(busy);
        return all;
    }

    private void closeOnServer(JsonNode instance) {
        if (closer != null && closer.test(instance)) {
            synchronized (this) {
                closed++;
            }
        }
    }

    /**
     * {@code created}, {@code reused} (episodes that got an instance an earlier episode had),
     * {@code closed} (on the server), {@code dropped} (after a failed episode) and {@code open} (created
     * and not closed: left on the server, where it cannot close instances, or still in use).
     */
    synchronized Map<String, Object> counts() {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("created", created);
        counts.put("reused", reused);
        counts.put("closed", closed);
        counts.put("dropped", dropped);
        counts.put("open", created - closed);
        return counts;
    }

    /** The most instances at once. */
    int capacity() {
        return capacity;
    }
}
