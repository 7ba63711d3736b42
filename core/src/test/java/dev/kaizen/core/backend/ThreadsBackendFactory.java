package dev.kaizen.core.backend;

import dev.kaizen.core.recipe.RolloutSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The test backend {@code threads-test}: pieces run on a pool of threads in this JVM (its
 * {@code master} is the number of threads, default 2, and with {@code /in-process} after it the
 * backend says its executors share the driver's JVM), each through {@link RemoteWorker} as an
 * executor would run it. It logs every job, every payload read and every payload released, for the
 * tests to check what was shipped.
 */
public final class ThreadsBackendFactory implements RolloutBackendFactory {

    /** The jobs run since the last {@link #clearLog()}. */
    public static final List<Job> JOBS = Collections.synchronizedList(new ArrayList<>());
    /** How many times each payload was read by an executor. */
    public static final Map<String, Integer> READS = Collections.synchronizedMap(new LinkedHashMap<>());
    /** The payloads released. */
    public static final List<String> RELEASED = Collections.synchronizedList(new ArrayList<>());

    /**
     * One job.
     *
     * @param label its label
     * @param payloads the ids of its payloads
     * @param pieces how many pieces it had
     */
    public record Job(String label, List<String> payloads, int pieces) {
    }

    public static void clearLog() {
        JOBS.clear();
        READS.clear();
        RELEASED.clear();
    }

    @Override
    public String name() {
        return "threads-test";
    }

    @Override
    public RolloutBackend open(RolloutSettings settings) {
        String master = settings.master() == null ? "2" : settings.master();
        boolean inProcess = master.endsWith("/in-process");
        return new Backend(Integer.parseInt(master.replace("/in-process", "")), inProcess);
    }

    private static final class Backend implements RolloutBackend {
        private final int threads;
        private final boolean inProcess;
        private final ExecutorService pool;
        private final Map<String, byte[]> payloads = Collections.synchronizedMap(new LinkedHashMap<>());

        Backend(int threads, boolean inProcess) {
            this.threads = threads;
            this.inProcess = inProcess;
            AtomicInteger count = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "threads-test-executor-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }

        @Override
        public int slots() {
            return threads;
        }

        @Override
        public boolean inProcess() {
            return inProcess;
        }

        @Override
        public Map<String, Object> description() {
            return Map.of("slots", threads);
        }

        @Override
        public List<byte[]> run(String label, List<Payload> shipped, List<byte[]> pieces, IntConsumer finished) {
            shipped.forEach(payload -> payloads.putIfAbsent(payload.id(), payload.bytes()));
            JOBS.add(new Job(label, shipped.stream().map(Payload::id).toList(), pieces.size()));
            List<Future<byte[]>> futures = new ArrayList<>();
            for (byte[] piece : pieces) {
                futures.add(pool.submit(() -> RemoteWorker.run(piece, id -> {
                    READS.merge(id, 1, Integer::sum);
                    return payloads.get(id);
                })));
            }
            List<byte[]> outcomes = new ArrayList<>();
            try {
                for (Future<byte[]> future : futures) {
                    outcomes.add(future.get());
                    finished.accept(outcomes.size());
                }
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("a piece of '" + label + "' failed: " + e, e);
            }
            return outcomes;
        }

        @Override
        public void release(String payloadId) {
            payloads.remove(payloadId);
            RELEASED.add(payloadId);
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }
}
