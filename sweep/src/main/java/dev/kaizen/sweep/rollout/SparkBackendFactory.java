package dev.kaizen.sweep.rollout;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.kaizen.core.BadInputException;
import dev.kaizen.core.backend.RolloutBackend;
import dev.kaizen.core.backend.RolloutBackendFactory;
import dev.kaizen.core.recipe.RolloutSettings;
import dev.kaizen.sweep.SparkConfs;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.LoggerFactory;

/**
 * The {@code spark} rollout backend ({@code rollout: {backend: spark, master: ...}}): a run's
 * rollouts, evaluations and searches as Spark jobs, on an embedded {@code local[N]} master by
 * default (N: this machine's cores) or on the cluster {@code master} names.
 */
public final class SparkBackendFactory implements RolloutBackendFactory {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public RolloutBackend open(RolloutSettings settings) {
        if (TaskContext.get() != null) {
            throw new BadInputException("rollout.backend: spark cannot start inside a Spark task (a sweep's cell):"
                    + " a sweep already spreads its cells over the cluster; set rollout.backend: local for swept"
                    + " recipes");
        }
        String master = settings.master() != null ? settings.master()
                : "local[" + Runtime.getRuntime().availableProcessors() + "]";
        SparkConf conf = SparkConfs.of("kaizen run", master)
                // a search's results can be large; they are bounded by the run's own memory
                .setIfMissing("spark.driver.maxResultSize", "0")
                // a piece's outcome (megabytes) goes back with its task's status, not through the block manager
                .setIfMissing("spark.task.maxDirectResultSize", "64m");
        JavaSparkContext spark;
        // a context that cannot start says so in the message below; Spark would also log it with its stack trace
        Logger logger = (Logger) LoggerFactory.getLogger("org.apache.spark.SparkContext");
        Level level = logger.getLevel();
        logger.setLevel(Level.OFF);
        try {
            spark = new JavaSparkContext(conf);
        } catch (Exception e) {
            throw new BadInputException("rollout.master: Spark could not start with master '" + master + "': "
                    + SparkConfs.firstLine(e) + "; use local[N], spark://HOST:PORT, yarn or k8s://...", e);
        } finally {
            logger.setLevel(level);
        }
        spark.setLogLevel("ERROR");
        return new SparkBackend(spark, master);
    }
}
