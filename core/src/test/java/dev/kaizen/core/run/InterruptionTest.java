package dev.kaizen.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.cli.Kaizen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM stops the run's whole process tree and leaves a summary that says how to resume. */
@DisabledOnOs(OS.WINDOWS)
class InterruptionTest {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void sigtermStopsTheTrainerAndItsChildAndMarksTheRunInterrupted() throws Exception {
        Path pids = dir.resolve("pids");
        // a "trainer" that starts a child of its own and waits for it, as accelerate or torchrun do
        String trainer = "sleep 300 & echo $! > " + pids + ".tmp; echo $$ >> " + pids + ".tmp; mv " + pids
                + ".tmp " + pids + "; wait";
        Path recipe = Files.writeString(dir.resolve("spawn.yaml"), """
                name: spawn
                environment: {type: test}
                policy: {type: tabular}
                method: {type: spawn-test, command: [sh, -c, '%s']}
                """.formatted(trainer));
        Path run = dir.resolve("run");
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Kaizen.class.getName(),
                "run", recipe.toString(), "--out", run.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<Long> started;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(pids)) {
                assertThat(child.isAlive()).as(Files.exists(log) ? Files.readString(log) : "no output").isTrue();
                assertThat(System.nanoTime()).as("the trainer to start").isLessThan(deadline);
                Thread.sleep(50);
            }
            started = Files.readAllLines(pids).stream().map(String::trim).map(Long::parseLong).toList();
            assertThat(started).hasSize(2).allSatisfy(pid -> assertThat(alive(pid)).isTrue());
            child.destroy(); // SIGTERM
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("kaizen to exit").isTrue();
        } finally {
            child.destroyForcibly();
        }

        assertThat(child.exitValue()).isEqualTo(143);
        for (long pid : started) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (alive(pid) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(alive(pid)).as("process " + pid + " stopped").isFalse();
        }
        String output = Files.readString(log);
        assertThat(output).contains("kaizen: interrupted: stopped by a signal; continue with: kaizen run --resume "
                + run);
        JsonNode summary = json.readTree(run.resolve("summary.json").toFile());
        assertThat(summary.path("status").asText()).as(output).isEqualTo("interrupted");
        assertThat(summary.path("error").asText()).contains("kaizen run --resume " + run);
    }

    /** Whether the process runs; a zombie (ended, not yet reaped by whoever adopted it) does not. */
    private static boolean alive(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.isDirectory(Path.of("/proc/self"))) {
            try {
                String text = Files.readString(stat);
                return !text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
            } catch (java.io.IOException e) {
                return false;
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
