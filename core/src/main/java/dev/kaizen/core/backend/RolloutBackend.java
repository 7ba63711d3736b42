package dev.kaizen.core.backend;

import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A started backend: it runs independent pieces of work on its executors and returns what each
 * produced, in the pieces' order. An executor runs a piece by calling
 * {@link RemoteWorker#run(byte[], java.util.function.Function)} with the piece's bytes and a way to
 * read the job's payloads; it never needs to know what a piece is. A piece that fails for a reason
 * in the recipe comes back as an outcome that says so, so the backend only sees failures of its own
 * (a lost executor, which it should retry). Thread-safe: a run's requests may come from several
 * threads at once; closing it stops it.
 */
public interface RolloutBackend extends AutoCloseable {

    /** How many pieces it can run at once now (its executors' task slots), at least 1. */
    int slots();

    /**
     * Whether its executors run in this JVM (an in-process master such as Spark's {@code local[N]}):
     * then they leave their outcomes in it for the driver to take, and only a key travels back.
     */
    default boolean inProcess() {
        return false;
    }

    /** What it is, for the run's metrics: e.g. {@code master}, {@code slots}. */
    Map<String, Object> description();

    /**
     * Runs every piece on an executor.
     *
     * @param label what the pieces are for, e.g. {@code eval/final/unseen}
     * @param payloads the data pieces share (a policy's state), each to be shipped to an executor
     *     once per id however many pieces read it, and kept until {@link #release}d
     * @param pieces what each executor runs
     * @param finished told the number of pieces finished so far, as they finish (for progress)
     * @return what each piece returned, in the pieces' order
     * @throws IllegalStateException if the backend could not run a piece (with why, in one line)
     */
    List<byte[]> run(String label, List<Payload> payloads, List<byte[]> pieces, IntConsumer finished);

    /** A payload no later job will read (the policy it held has changed since). */
    void release(String payloadId);

    @Override
    void close();
}
