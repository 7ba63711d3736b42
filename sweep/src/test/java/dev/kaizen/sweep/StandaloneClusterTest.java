package dev.kaizen.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on a real Spark standalone cluster: a master and two workers, each its own JVM started from
 * the Spark jars on 127.0.0.1. One worker (with its executor) is killed while it runs a cell; Spark
 * runs that task again on the other worker, the cell resumes its run, and every cell ends with the
 * numbers a plain run gives.
 */
@DisabledOnOs(OS.WINDOWS)
class StandaloneClusterTest {

    private static final String RECIPE = """
            name: %s
            environment: {type: test, train: 20, seen: 8, unseen: 8, stepDelayMillis: 150}
            policy: {type: tabular}
            method: {type: bc, demonstrations: %d, optimizer: {type: tabular-bc}}
            evaluation: {episodes: 8}
            """;

    private final ObjectMapper json = new ObjectMapper();
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stopCluster() {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void aSweepSurvivesAWorkerKilledMidCellWithTheSameNumbers() throws Exception {
        Path sparkHome = Files.createDirectories(dir.resolve("spark-home/jars"));
        int port = freePort();
        int webui = freePort();
        String master = "spark://127.0.0.1:" + port;
        Process masterProcess = start("master", sparkHome.getParent(), "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(webui));
        Process first = start("worker-1", sparkHome.getParent(), "org.apache.spark.deploy.worker.Worker",
                "--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", Integer.toString(freePort()),
                "--work-dir", dir.resolve("work-1").toString(), master);
        start("worker-2", sparkHome.getParent(), "org.apache.spark.deploy.worker.Worker",
                "--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", Integer.toString(freePort()),
                "--work-dir", dir.resolve("work-2").toString(), master);
        waitFor(() -> aliveWorkers(webui) == 2, 90, "both workers to register");
        assertThat(masterProcess.isAlive()).isTrue();

        Path few = Files.writeString(dir.resolve("few.yaml"), RECIPE.formatted("few", 3));
        Path many = Files.writeString(dir.resolve("many.yaml"), RECIPE.formatted("many", 20));
        Path out = dir.resolve("sweep");
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        System.setProperty("spark.executor.memory", "512m");
        Thread killer = new Thread(() -> {
            try {
                waitFor(() -> runsUnderWay(out) >= 2, 120, "two cells to run at once");
                first.descendants().forEach(ProcessHandle::destroyForcibly);
                first.destroyForcibly();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        killer.start();
        SweepCommandTest.Result result;
        try {
            result = SweepCommandTest.kaizen("sweep", few.toString(), many.toString(), "--seeds", "7-8",
                    "--master", master, "--out", out.toString());
        } finally {
            for (String key : List.of("spark.driver.host", "spark.driver.bindAddress", "spark.executor.memory")) {
                System.clearProperty(key);
            }
        }
        killer.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(result.code()).as(result.err() + result.out() + executorLogs()).isZero();
        assertThat(first.isAlive()).as("worker 1 was killed; " + result.err()).isFalse();
        JsonNode cells = json.readTree(out.resolve("sweep.json").toFile()).path("cells");
        assertThat(cells.findValuesAsText("state")).containsExactly("completed", "completed", "completed", "completed");
        assertThat(Files.readString(out.resolve("logs/" + lostCell(out) + ".log")))
                .as("the lost cell's second attempt resumed its run").contains(", attempt 1: kaizen run ")
                .containsPattern(", attempt 2: kaizen run --resume ");
        for (JsonNode cell : cells) {
            Path plain = dir.resolve("plain-" + cell.path("id").asText());
            Path recipe = cell.path("group").asText().equals("few") ? few : many;
            SweepCommandTest.Result run = SweepCommandTest.kaizen("run", recipe.toString(), "--set",
                    "seed=" + cell.path("seed").asLong(), "--out", plain.toString());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(json.readTree(out.resolve(cell.path("run").asText()).resolve("summary.json").toFile())
                    .path("evaluations")).as(cell.path("id").asText())
                    .isEqualTo(json.readTree(plain.resolve("summary.json").toFile()).path("evaluations"));
        }
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

    /** Runs that have written metrics but not completed. */
    private static long runsUnderWay(Path out) {
        Path runs = out.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> listing = Files.list(runs)) {
            return listing.filter(run -> Files.exists(run.resolve("metrics.jsonl"))
                    && !Files.exists(run.resolve("checkpoints/final"))).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The cell whose log shows it ran twice. */
    private static String lostCell(Path out) throws IOException {
        try (Stream<Path> logs = Files.list(out.resolve("logs"))) {
            for (Path log : logs.toList()) {
                if (Files.readString(log).contains(", attempt 2: ")) {
                    String name = log.getFileName().toString();
                    return name.substring(0, name.length() - ".log".length());
                }
            }
        }
        throw new AssertionError("no cell was resumed");
    }

    private static void waitFor(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** What the executors wrote, for a failure's message. */
    private String executorLogs() throws IOException {
        StringBuilder logs = new StringBuilder();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(p -> p.getFileName().toString().equals("stderr")
                    || p.getFileName().toString().endsWith(".log")).toList()) {
                String text = Files.readString(file);
                logs.append("\n--- ").append(file).append('\n').append(text, Math.max(0, text.length() - 3000), text.length());
            }
        }
        return logs.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
