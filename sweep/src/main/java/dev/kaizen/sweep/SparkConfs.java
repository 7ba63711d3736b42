package dev.kaizen.sweep;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.apache.spark.SparkConf;
import org.slf4j.LoggerFactory;

/** The Spark settings every Kaizen job uses: sweeps' cells and runs' rollouts. */
public final class SparkConfs {

    /** Attempts per task before Spark gives it up (on a cluster; local masters try once). */
    public static final int MAX_TASK_FAILURES = 4;

    private SparkConfs() {
    }

    /**
     * A configuration for {@code master}: no web UI or console progress, {@value #MAX_TASK_FAILURES}
     * attempts per task, and for a master that is not local, executors that run this JVM's class path
     * with the JVM options Spark needs on Java 17 (unless {@code spark.executor.*} says otherwise).
     * Spark's and Hadoop's own warnings are quietened.
     */
    public static SparkConf of(String appName, String master) {
        quietLibraries();
        SparkConf conf = new SparkConf().setAppName(appName).setMaster(master)
                .set("spark.ui.enabled", "false")
                .set("spark.task.maxFailures", Integer.toString(MAX_TASK_FAILURES))
                .set("spark.ui.showConsoleProgress", "false");
        if (!master.startsWith("local")) {
            // executors elsewhere run the same installation: its class path and the JVM options Spark needs
            conf.setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"));
            conf.setIfMissing("spark.executor.extraJavaOptions", String.join(" ", sparkJvmOptions()));
        }
        return conf;
    }

    /** The options of this JVM that Spark needs on Java 17 ({@code --add-opens} and the like), for executors. */
    static List<String> sparkJvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("--add-opens") || option.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                        || option.startsWith("-Djdk.reflect.") || option.startsWith("-Dio.netty.")
                        || option.startsWith("-Dai.djl."))
                .toList();
    }

    /** Spark's and Hadoop's start-up warnings (host name, native libraries) say nothing about Kaizen's work. */
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

    /** The first line of a throwable's message (Spark's carry the remote stack trace after it). */
    public static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
