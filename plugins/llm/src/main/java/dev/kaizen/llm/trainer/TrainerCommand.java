package dev.kaizen.llm.trainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@code trl} optimiser's trainer command once: its placeholders filled in, in its working
 * directory (the run directory by default) with its extra environment, its output appended to the
 * iteration's log after the command line itself. A command that cannot start, fails or outlives its
 * timeout (it is then stopped, with the processes it started) raises
 * {@link ExternalTrainerException} with the exit code and the log's last lines. Whichever way it
 * ends, processes it started and left running are stopped ({@link TrainerProcesses}), except those
 * it detached into a session of their own (a model server it restarted). Stateless.
 */
final class TrainerCommand {

    /** Logged as the optimiser: its log is the one users follow. */
    private static final Logger LOG = LoggerFactory.getLogger(TrlOptimizer.class);

    private final TrlOptimizerConfig config;
    private final Path runDirectory;
    private final String name;

    /** @param name the optimiser's part name, for messages */
    TrainerCommand(TrlOptimizerConfig config, Path runDirectory, String name) {
        this.config = config;
        this.runDirectory = runDirectory;
        this.name = name;
    }

    /** Runs the command with the placeholders' {@code values}; returns its exit code, which is 0. */
    int run(Map<String, String> values, Path log) throws IOException {
        List<String> argv = config.command().stream().map(a -> Placeholders.substitute(a, values)).toList();
        Path workingDirectory = config.workingDirectory() == null ? runDirectory
                : Path.of(Placeholders.substitute(config.workingDirectory(), values));
        List<String> ownSession = findable(argv.get(0), workingDirectory) ? TrainerProcesses.inOwnSession(argv) : null;
        ProcessBuilder builder = new ProcessBuilder(ownSession == null ? argv : ownSession)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        config.environment().forEach((k, v) -> builder.environment().put(k, Placeholders.substitute(v, values)));
        Files.writeString(log, "$ " + String.join(" ", argv) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        LOG.info("{}: running {} (log: {})", name, String.join(" ", argv), log);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ExternalTrainerException("cannot start the trainer command " + argv + " in " + workingDirectory
                    + ": " + e.getMessage() + "; check the optimizer's command and workingDirectory", e);
        }
        long timeoutMillis = Math.round(config.timeoutMinutes() * 60_000);
        TrainerProcesses processes = new TrainerProcesses(process, ownSession != null);
        boolean succeeded = false;
        try {
            if (!processes.waitFor(timeoutMillis)) {
                stop(process);
                throw new ExternalTrainerException("the trainer command " + argv + " did not finish within "
                        + config.timeoutMinutes() + " minutes and was stopped; log: " + log + "\n"
                        + TrainerLog.tail(log, config.logTailLines()));
            }
            int exit = process.exitValue();
            if (exit != 0) {
                throw new ExternalTrainerException("the trainer command " + argv + " failed with exit code " + exit
                        + "; the policy keeps model " + values.get("baseModel") + "; log: " + log + "\n"
                        + TrainerLog.tail(log, config.logTailLines()));
            }
            succeeded = true;
            return exit;
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new ExternalTrainerException("interrupted while the trainer ran; it was stopped; log: " + log, e);
        } finally {
            List<Long> stopped = processes.stopLeftovers(succeeded);
            if (!stopped.isEmpty()) {
                String note = "stopped " + stopped.size() + " process(es) the trainer left running: " + stopped;
                LOG.warn("{}: {} (log: {})", name, note, log);
                Files.writeString(log, "kaizen: " + note + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        }
    }

    /**
     * Whether {@code program} names an executable file (a path, relative to {@code workingDirectory}, or
     * a name on the PATH); a program that is not is started without a session wrapper, so that it fails
     * to start with its own error rather than the wrapper's.
     */
    private static boolean findable(String program, Path workingDirectory) {
        if (program.contains("/")) {
            return Files.isExecutable(workingDirectory.resolve(program));
        }
        String path = System.getenv("PATH");
        for (String folder : (path == null ? "" : path).split(java.io.File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
