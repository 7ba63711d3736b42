package dev.kaizen.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.cli.Kaizen;
import dev.kaizen.llm.testing.FakeOpenAiServer;
import dev.kaizen.llm.testing.FakeTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a run of {@code eto-llm} while its shipped trainer command runs (the launcher, then a
 * {@link FakeTrainer} that started a child and waits for it, as accelerate does): the run ends as
 * interrupted, says how to resume, and neither the trainer nor its child is left running.
 */
@DisabledOnOs(OS.WINDOWS)
class TrainerInterruptionTest {

    private static final Path RECIPES = Path.of("..", "..", "dist", "recipes").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void sigtermDuringTrainingStopsTheTrainerAndItsChildAndMarksTheRunInterrupted() throws Exception {
        Path pids = dir.resolve("pids");
        FakeTrainer trainer = new FakeTrainer(dir, "sleep 300 & echo $! > '" + pids + ".tmp'; echo $$ >> '" + pids
                + ".tmp'; mv '" + pids + ".tmp' '" + pids + "'; wait");
        try (FakeOpenAiServer server = FakeOpenAiServer.start(trainer.responder(TrainingRecipesTest.failingWhenSampled()))) {
            Path run = dir.resolve("run");
            Path log = dir.resolve("kaizen.log");
            Files.createDirectories(dir.resolve("plugins"));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                    Kaizen.class.getName(), "run", RECIPES.resolve("eto-llm.yaml").toString(), "--out", run.toString(),
                    "--plugins", dir.resolve("plugins").toString()));
            for (String set : TrainingRecipesTest.sets(server, trainer, List.of("method.optimizer", "method.dpo"),
                    "method.demonstrations=3", "method.explorationTasks=3")) {
                command.add("--set");
                command.add(set);
            }
            Process kaizen = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            List<Long> started;
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (!Files.exists(pids)) {
                    assertThat(kaizen.isAlive()).as(Files.exists(log) ? Files.readString(log) : "no output").isTrue();
                    assertThat(System.nanoTime()).as("the trainer to start").isLessThan(deadline);
                    Thread.sleep(50);
                }
                started = Files.readAllLines(pids).stream().map(String::trim).map(Long::parseLong).toList();
                assertThat(started).hasSize(2).allSatisfy(pid -> assertThat(TrainingRecipesTest.alive(pid)).isTrue());
                kaizen.destroy(); // SIGTERM
                assertThat(kaizen.waitFor(30, TimeUnit.SECONDS)).as("kaizen to exit").isTrue();
            } finally {
                kaizen.destroyForcibly();
            }

            assertThat(kaizen.exitValue()).isEqualTo(143);
            for (long pid : started) {
                Path file = Files.writeString(dir.resolve("pid-" + pid), Long.toString(pid));
                TrainingRecipesTest.assertStopped(file);
            }
            String output = Files.readString(log);
            assertThat(output).contains("kaizen: interrupted: stopped by a signal; continue with: kaizen run --resume "
                    + run);
            JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
            assertThat(summary.path("status").asText()).as(output).isEqualTo("interrupted");
            assertThat(run.resolve("trl/bc/done.json")).doesNotExist();
            assertThat(trainer.served()).isEmpty();
        }
    }
}
