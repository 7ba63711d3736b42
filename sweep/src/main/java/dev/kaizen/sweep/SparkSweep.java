package dev.kaizen.sweep;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.LoggerFactory;

/**
 * Runs a sweep's cells as Apache Spark tasks: one job of one task per cell, submitted from as many
 * driver threads as the cluster runs tasks at once, so that each cell is reported the moment it ends.
 * A task that dies with its executor is run again by Spark (up to {@value #MAX_TASK_FAILURES} times);
 * the cell then resumes its run. A cell whose task fails for good fails only itself.
 */
final class SparkSweep {

    /** Attempts per task before Spark gives it up (on a cluster; local masters try once). */
    static final int MAX_TASK_FAILURES = 4;

    private SparkSweep() {
    }

    /** The default master: an embedded local one with {@code k} task slots. */
    static String localMaster(int k) {
        return "local[" + k + "]";
    }

    /**
     * Runs {@code cells}, calling {@code started} and {@code finished} from driver threads.
     *
     * @return the outcomes in the cells' order
     */
    static List<CellOutcome> run(String master, List<Cell> cells, CellTask task, Consumer<Cell> started,
                                 Consumer<CellOutcome> finished) throws InterruptedException {
        quietLibraries();
        SparkConf conf = new SparkConf().setAppName("kaizen sweep").setMaster(master)
                .set("spark.ui.enabled", "false")
                .set("spark.task.maxFailures", Integer.toString(MAX_TASK_FAILURES))
                .set("spark.ui.showConsoleProgress", "false");
        if (!master.startsWith("local")) {
            // executors elsewhere run the same installation: its class path and the JVM options Spark needs
            conf.setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"));
            conf.setIfMissing("spark.executor.extraJavaOptions", String.join(" ", sparkJvmOptions()));
        }
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            spark.setLogLevel("ERROR");
            int slots = Math.max(1, Math.min(cells.size(), spark.defaultParallelism()));
            ExecutorService driver = Executors.newFixedThreadPool(slots, runnable -> {
                Thread thread = new Thread(runnable, "kaizen-sweep-driver");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<CellOutcome>> futures = new ArrayList<>();
                for (Cell cell : cells) {
                    futures.add(driver.submit(() -> {
                        started.accept(cell);
                        CellOutcome outcome;
                        try {
                            outcome = spark.parallelize(List.of(cell), 1).map(task).collect().get(0);
                        } catch (RuntimeException e) {
                            outcome = new CellOutcome(cell.id(), CellOutcome.FAILED, 1, "the Spark task failed: "
                                    + firstLine(e), false, 0, List.of());
                        }
                        finished.accept(outcome);
                        return outcome;
                    }));
                }
                List<CellOutcome> outcomes = new ArrayList<>();
                for (Future<CellOutcome> future : futures) {
                    try {
                        outcomes.add(future.get());
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("the sweep's driver failed: " + e.getCause(), e.getCause());
                    }
                }
                return outcomes;
            } finally {
                driver.shutdownNow();
            }
        }
    }

    /** The options of this JVM that Spark needs on Java 17 ({@code --add-opens} and the like), for executors. */
    static List<String> sparkJvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("--add-opens") || option.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                        || option.startsWith("-Djdk.reflect.") || option.startsWith("-Dio.netty.")
                        || option.startsWith("-Dai.djl."))
                .toList();
    }

    /** Spark's and Hadoop's start-up warnings (host name, native libraries) say nothing about the sweep. */
    private static void quietLibraries() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
            for (String name : new String[] {"org.apache.spark", "org.apache.hadoop"}) {
                Logger logger = logging.getLogger(name);
                if (logger.getLevel() == null) {
                    logger.setLevel(Level.ERROR);
                }
            }
        }
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
