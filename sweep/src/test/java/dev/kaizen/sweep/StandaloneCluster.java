package dev.kaizen.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster for tests: a master and workers of one core each, every one its
 * own JVM started from this JVM's class path on 127.0.0.1. Closing it kills them all.
 */
public final class StandaloneCluster implements AutoCloseable {

    private final Path dir;
    private final List<Process> started = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private final String master;
    private final Process masterProcess;

    /** Starts a master and {@code workers} workers in {@code dir}, and waits until every worker has registered. */
    public StandaloneCluster(Path dir, int workers) throws IOException, InterruptedException {
        this.dir = dir;
        Path sparkHome = Files.createDirectories(dir.resolve("spark-home/jars")).getParent();
        int port = freePort();
        int webui = freePort();
        this.master = "spark://127.0.0.1:" + port;
        this.masterProcess = start("master", sparkHome, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--webui-port", Integer.toString(webui));
        for (int i = 1; i <= workers; i++) {
            this.workers.add(start("worker-" + i, sparkHome, "org.apache.spark.deploy.worker.Worker", "--host",
                    "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", Integer.toString(freePort()),
                    "--work-dir", dir.resolve("work-" + i).toString(), master));
        }
        waitFor(() -> aliveWorkers(webui) == workers, 90, "the workers to register");
    }

    /** The master's URL, {@code spark://127.0.0.1:PORT}. */
    public String master() {
        return master;
    }

    public boolean masterAlive() {
        return masterProcess.isAlive();
    }

    /** Worker {@code number} (from 1). */
    public Process worker(int number) {
        return workers.get(number - 1);
    }

    /** Kills worker {@code number} and the executors it started. */
    public void kill(int number) {
        Process worker = worker(number);
        worker.descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly();
    }

    private Process start(String name, Path sparkHome, String main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty("kaizen.spark.jvm.options").split(" ")));
        command.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_WORKER_DIR", dir.resolve(name + "-dir").toString());
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** The master's count of live workers, from its status page's JSON; -1 while it does not answer. */
    private int aliveWorkers(int webui) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + webui + "/json/")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body()).path("aliveworkers").asInt(-1);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Waits until {@code condition} holds, polling every 100 ms; fails after {@code seconds}. */
    public static void waitFor(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** What the cluster's JVMs and executors wrote, the last 3000 characters of each, for a failure's message. */
    public String logs() throws IOException {
        StringBuilder logs = new StringBuilder();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(p -> p.getFileName().toString().equals("stderr")
                    || p.getFileName().toString().endsWith(".log")).toList()) {
                String text = Files.readString(file);
                logs.append("\n--- ").append(file).append('\n').append(text, Math.max(0, text.length() - 3000),
                        text.length());
            }
        }
        return logs.toString();
    }

    /** Sets the driver's Spark properties for this cluster; {@link #clearDriverProperties()} removes them. */
    public static void setDriverProperties() {
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        System.setProperty("spark.executor.memory", "512m");
    }

    public static void clearDriverProperties() {
        for (String key : List.of("spark.driver.host", "spark.driver.bindAddress", "spark.executor.memory")) {
            System.clearProperty(key);
        }
    }

    @Override
    public void close() {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
