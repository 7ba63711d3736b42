package dev.kaizen.sweep.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.sweep.StandaloneCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkContext$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on a real Spark standalone cluster (a master and two one-core workers, each its own JVM on
 * 127.0.0.1): executors load the agentq plugin from the plugins directory themselves and rebuild the
 * parts. One worker is killed, with its executor, while both run a piece of the first evaluation;
 * Spark runs the lost piece again on the other worker, and the run ends with the local run's figures
 * and files.
 */
@DisabledOnOs(OS.WINDOWS)
class StandaloneRolloutsTest {

    private static final String RECIPE = """
            name: cluster
            environment: {type: test, train: 40, seen: 12, unseen: 12, stepDelayMillis: 250}
            policy: {type: tabular}
            method: {type: bc, demonstrations: 6, optimizer: {type: tabular-bc}}
            evaluation:
              episodes: 12
              validation: 8
              search: {type: sample, samples: 2, temperature: 1.0}
              critic: {type: policy-critic}
            """;

    private StandaloneCluster cluster;

    @TempDir
    Path dir;

    @AfterEach
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aRunSurvivesAWorkerKilledMidPieceWithTheLocalNumbers() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(Path.of(System.getProperty("kaizen.test.plugins"), "kaizen-plugin-agentq-0.1.0-SNAPSHOT.zip"),
                plugins.resolve("kaizen-plugin-agentq-0.1.0-SNAPSHOT.zip"));
        Path recipe = Files.writeString(dir.resolve("cluster.yaml"), RECIPE);
        Runs.Result local = Runs.kaizen("run", recipe.toString(), "--out", dir.resolve("local").toString(),
                "--no-builtin-plugins", "--plugins", plugins.toString());
        assertThat(local.code()).as(local.toString()).isZero();

        cluster = new StandaloneCluster(dir.resolve("cluster"), 2);
        AtomicInteger retried = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        AtomicReference<Throwable> watcherFailed = new AtomicReference<>();
        Thread watcher = new Thread(() -> {
            try {
                StandaloneCluster.waitFor(() -> active() != null, 120, "the run's Spark context");
                active().addSparkListener(new SparkListener() {
                    @Override
                    public void onTaskEnd(SparkListenerTaskEnd end) {
                        if (!end.taskInfo().successful()) {
                            lost.incrementAndGet();
                        } else if (end.taskInfo().attemptNumber() > 0) {
                            retried.incrementAndGet();
                        }
                    }
                });
                StandaloneCluster.waitFor(() -> busyExecutors() >= 2, 120, "both executors to run a piece");
                cluster.kill(1);
            } catch (Throwable e) {
                watcherFailed.set(e);
            }
        });
        StandaloneCluster.setDriverProperties();
        Runs.Result result;
        try {
            watcher.start();
            result = Runs.kaizen("run", recipe.toString(), "--out", dir.resolve("spark").toString(),
                    "--no-builtin-plugins", "--plugins", plugins.toString(), "--set", "rollout.backend=spark",
                    "--set", "rollout.master=" + cluster.master(), "--set", "rollout.partitions=2");
        } finally {
            StandaloneCluster.clearDriverProperties();
        }
        watcher.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(watcherFailed.get()).isNull();
        assertThat(result.code()).as(result + cluster.logs()).isZero();
        assertThat(cluster.worker(1).isAlive()).as("worker 1 was killed").isFalse();
        assertThat(lost.get()).as("a piece was lost with its executor").isGreaterThanOrEqualTo(1);
        assertThat(retried.get()).as("and run again").isGreaterThanOrEqualTo(1);
        Runs.assertSameResults(dir.resolve("local"), dir.resolve("spark"));
        assertThat(Runs.backendRequests(dir.resolve("spark"))).containsExactly("eval/final/seen",
                "eval/final/unseen", "eval/final/validation");
    }

    private static SparkContext active() {
        return SparkContext$.MODULE$.getActive().getOrElse(() -> null);
    }

    /** Executors running a task now (the driver runs none). */
    private static long busyExecutors() {
        SparkContext spark = active();
        return spark == null ? 0 : Arrays.stream(spark.statusTracker().getExecutorInfos())
                .filter(executor -> executor.numRunningTasks() > 0).count();
    }
}
