package dev.kaizen.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs a sweep's cells as Apache Spark tasks: one job of one task per cell, submitted from as many
 * driver threads as the cluster runs tasks at once, so that each cell is reported the moment it ends.
 * A task that dies with its executor is run again by Spark (up to {@value SparkConfs#MAX_TASK_FAILURES} times);
 * the cell then resumes its run. A cell whose task fails for good fails only itself.
 */
final class SparkSweep {

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
        try (JavaSparkContext spark = new JavaSparkContext(SparkConfs.of("kaizen sweep", master))) {
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
                                    + SparkConfs.firstLine(e), false, 0, List.of());
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
}
