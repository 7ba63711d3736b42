package dev.kaizen.sweep.rollout;

import dev.kaizen.core.backend.Payload;
import dev.kaizen.core.backend.RolloutBackend;
import dev.kaizen.sweep.SparkConfs;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The {@code spark} backend: one Spark job per request, one task per piece. A payload (a policy's
 * state) is broadcast once and kept until it is released, so each executor fetches it once however
 * many pieces and requests read it. A task lost with its executor is run again by Spark (up to
 * {@value SparkConfs#MAX_TASK_FAILURES} times on a cluster) and gives the same outcome, since a piece
 * depends only on its bytes. Thread-safe: concurrent requests are concurrent jobs.
 */
final class SparkBackend implements RolloutBackend {

    private static final long POLL_MILLIS = 200;

    private final JavaSparkContext spark;
    private final String master;
    private final Map<String, Broadcast<byte[]>> broadcasts = new ConcurrentHashMap<>();

    SparkBackend(JavaSparkContext spark, String master) {
        this.spark = spark;
        this.master = master;
    }

    @Override
    public int slots() {
        return Math.max(1, spark.defaultParallelism());
    }

    /** An embedded master ({@code local}, {@code local[N]}, {@code local[N,F]}) runs its executors in this JVM. */
    @Override
    public boolean inProcess() {
        return master.startsWith("local");
    }

    @Override
    public Map<String, Object> description() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("master", master);
        fields.put("slots", slots());
        fields.put("spark", spark.version());
        return fields;
    }

    @Override
    public List<byte[]> run(String label, List<Payload> payloads, List<byte[]> pieces, IntConsumer finished) {
        Map<String, Broadcast<byte[]>> shipped = new HashMap<>();
        synchronized (this) {
            for (Payload payload : payloads) {
                shipped.put(payload.id(), broadcasts.computeIfAbsent(payload.id(),
                        id -> spark.broadcast(payload.bytes())));
            }
        }
        spark.setJobDescription(label);
        JavaFutureAction<List<byte[]>> job = spark.parallelize(pieces, pieces.size())
                .map(new PieceFunction(shipped)).collectAsync();
        int shown = 0;
        while (true) {
            try {
                List<byte[]> outcomes = job.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                finished.accept(pieces.size());
                return outcomes;
            } catch (TimeoutException e) {
                int done = completedTasks(job);
                if (done > shown) {
                    shown = done;
                    finished.accept(done);
                }
            } catch (InterruptedException e) {
                job.cancel(true);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while '" + label + "' ran on Spark", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the Spark job of '" + label + "' failed: "
                        + SparkConfs.firstLine(e.getCause() == null ? e : e.getCause()), e);
            }
        }
    }

    /** Tasks of the job finished so far, as Spark's status tracker knows them. */
    private int completedTasks(JavaFutureAction<?> job) {
        int done = 0;
        for (int id : job.jobIds()) {
            SparkJobInfo info = spark.statusTracker().getJobInfo(id);
            if (info == null) {
                continue;
            }
            for (int stage : info.stageIds()) {
                SparkStageInfo stageInfo = spark.statusTracker().getStageInfo(stage);
                if (stageInfo != null) {
                    done += stageInfo.numCompletedTasks();
                }
            }
        }
        return done;
    }

    @Override
    public synchronized void release(String payloadId) {
        Broadcast<byte[]> broadcast = broadcasts.remove(payloadId);
        if (broadcast != null) {
            broadcast.destroy();
        }
    }

    @Override
    public void close() {
        spark.close();
    }
}
