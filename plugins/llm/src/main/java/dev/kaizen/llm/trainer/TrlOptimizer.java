package dev.kaizen.llm.trainer;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.llm.client.ChatClientSettings;
import dev.kaizen.llm.export.ConversationFormat;
import dev.kaizen.llm.export.DatasetFormats;
import dev.kaizen.llm.policy.LlmPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the model behind an {@link LlmPolicy} with an external trainer.
 *
 * <p>For each {@link #train} call: the batch's trajectories and pairs are written with the configured
 * formats into {@code <run>/trl/<iteration>/data/} (rendered with the policy's own prompt options), the
 * command runs with its output appended to {@code <run>/trl/<iteration>/train.log}, and on success the
 * policy is pointed at the model named by {@code modelTemplate} (and {@code baseUrlTemplate}); its
 * checkpoint then carries the switch. A command that fails or runs out of time raises
 * {@link ExternalTrainerException} with the exit code and the log's last lines, and the policy keeps
 * its model. A successful run leaves {@code done.json} with a digest of the data, so that a resumed
 * run given the same data points the policy at the trained model without training again.
 *
 * <p>Without a command the call stops after writing the data: it logs where the files are and that
 * no trainer ran, records {@code trained: 0} in its metrics, and the policy keeps its model. A run
 * can then be completed offline: train on the files, serve the model, and evaluate it.
 *
 * <p>Used from one thread at a time.
 */
public final class TrlOptimizer implements Optimizer {

    private static final Logger LOG = LoggerFactory.getLogger(TrlOptimizer.class);
    private static final Pattern LOSS = Pattern.compile("['\"](?:train_)?loss['\"]\\s*:\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final String DONE = "done.json";

    private final TrlOptimizerConfig config;
    private final Path runDirectory;
    private final MetricsSink metrics;
    private final String name;
    private final String trainableName;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param name this optimiser's part name, for messages
     * @param trainableName the part name of the policy it trains, for messages
     */
    public TrlOptimizer(TrlOptimizerConfig config, Path runDirectory, MetricsSink metrics, String name,
                        String trainableName) {
        this.config = requireNonNull(config, "config is null");
        this.runDirectory = requireNonNull(runDirectory, "runDirectory is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.name = name;
        this.trainableName = trainableName;
    }

    @Override
    public TrainingReport train(Policy policy, TrainingBatch batch) {
        if (!(policy instanceof LlmPolicy llm)) {
            throw new IncompatiblePartsException("optimizer '" + name + "' trains policies of type [" + trainableName
                    + "] (it retrains the served model and points the policy at it); got "
                    + policy.getClass().getSimpleName() + ". Use an optimiser for that policy (e.g. bc, dpo, ppo) "
                    + "or the " + trainableName + " policy");
        }
        if (batch.trajectories().isEmpty() && batch.pairs().isEmpty()) {
            return TrainingReport.empty();
        }
        long started = System.nanoTime();
        String iteration = fileName(batch.label());
        Path directory = runDirectory.resolve(name).resolve(iteration);
        Path dataDirectory = directory.resolve("data");
        Path outputDirectory = directory.resolve("model");
        Path log = directory.resolve("train.log");
        try {
            Files.createDirectories(dataDirectory);
            Map<String, String> values = new LinkedHashMap<>();
            List<Path> written = new ArrayList<>();
            values.put("sftData", "");
            values.put("pairData", "");
            if (!batch.trajectories().isEmpty()) {
                ConversationFormat format = DatasetFormats.byName(config.sftFormat(), "sftFormat",
                        llm.prompt().options());
                List<Path> files = format.write(batch.trajectories(), List.of(), dataDirectory, batch.label());
                written.addAll(files);
                values.put("sftData", files.get(0).toString());
            }
            if (!batch.pairs().isEmpty()) {
                ConversationFormat format = DatasetFormats.byName(config.pairFormat(), "pairFormat",
                        llm.prompt().options());
                List<Path> files = format.write(List.of(), batch.pairs(), dataDirectory, batch.label());
                written.addAll(files);
                values.put("pairData", files.get(0).toString());
            }
            values.put("data", values.get("pairData").isEmpty() ? values.get("sftData") : values.get("pairData"));
            values.put("dataDir", dataDirectory.toString());
            values.put("outputDir", outputDirectory.toString());
            values.put("baseModel", llm.model());
            values.put("label", batch.label());
            values.put("iteration", iteration);
            values.put("seed", Long.toString(batch.seed()));
            values.put("runDir", runDirectory.toString());

            Map<String, Double> report = new LinkedHashMap<>();
            report.put("trajectories", (double) batch.trajectories().size());
            report.put("pairs", (double) batch.pairs().size());
            report.put("examples", (double) (batch.trajectories().size() + batch.pairs().size()));
            if (!config.runsTrainer()) {
                return withoutTrainer(llm, batch, dataDirectory, written, report, started);
            }
            List<String> missing = config.command().stream().flatMap(part -> TrlOptimizerConfig.PLACEHOLDERS.stream()
                    .filter(p -> part.contains("{" + p + "}") && "".equals(values.get(p)))).distinct().toList();
            if (!missing.isEmpty()) {
                // an empty {sftData} would reach the trainer as an empty argument
                LOG.warn("{}: {}: the trainer command names {} but this batch has no such data ({} trajectories, {} "
                        + "pairs); the trainer was not run and the policy keeps model {}", name, batch.label(),
                        missing.stream().map(p -> "{" + p + "}").toList(), batch.trajectories().size(),
                        batch.pairs().size(), llm.model());
                report.put("trained", 0.0);
                return finish(report, batch, llm.model(), null, started);
            }
            String digest = digest(written);
            JsonNode done = readDone(directory.resolve(DONE));
            String model;
            URI baseUrl;
            if (done != null && digest.equals(done.path("dataDigest").asText())) {
                model = done.get("model").asText();
                baseUrl = done.hasNonNull("baseUrl") ? URI.create(done.get("baseUrl").asText()) : null;
                LOG.info("{}: {} was already trained on this data (see {}); using model {}", name, batch.label(),
                        directory.resolve(DONE), model);
                report.put("reused", 1.0);
            } else {
                int exit = run(values, directory, log);
                report.put("exitCode", (double) exit);
                model = substitute(config.modelTemplate(), values);
                baseUrl = config.baseUrlTemplate() == null ? null : URI.create(substitute(config.baseUrlTemplate(), values));
                waitUntilServed(llm, model, baseUrl);
                writeDone(directory.resolve(DONE), digest, model, baseUrl, exit);
                report.put("reused", 0.0);
            }
            List<Double> losses = losses(log);
            if (!losses.isEmpty()) {
                report.put("loss", losses.get(losses.size() - 1));
                report.put("lossReports", (double) losses.size());
            }
            llm.switchModel(model, baseUrl);
            report.put("trained", 1.0);
            return finish(report, batch, model, null, started);
        } catch (IOException e) {
            throw new ExternalTrainerException("cannot prepare the external training in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /** No command: the data is written, nothing is trained, the policy keeps its model; says so clearly. */
    private TrainingReport withoutTrainer(LlmPolicy llm, TrainingBatch batch, Path dataDirectory, List<Path> written,
                                          Map<String, Double> report, long started) {
        LOG.warn("{}: {}: wrote {} pairs and {} trajectories to {} ({}); no trainer ran because "
                        + "the optimizer has no command, so the policy keeps model {}. Train on these files offline "
                        + "(or on the output of kaizen export) and serve the result, or give this optimizer a command "
                        + "(its field 'command', a list) to train during the run.",
                name, batch.label(), batch.pairs().size(), batch.trajectories().size(), dataDirectory,
                written.stream().map(p -> p.getFileName().toString()).toList(), llm.model());
        report.put("trained", 0.0);
        return finish(report, batch, llm.model(), dataDirectory, started);
    }

    /** Records the call's {@code NAME-train} event (the report, label, model and, if given, the data folder). */
    private TrainingReport finish(Map<String, Double> report, TrainingBatch batch, String model, Path data,
                                  long started) {
        report.put("seconds", (System.nanoTime() - started) / 1e9);
        Map<String, Object> event = new LinkedHashMap<>(report);
        event.put("label", batch.label());
        event.put("model", model);
        if (data != null) {
            event.put("data", data.toString());
        }
        metrics.record(name + "-train", event);
        return new TrainingReport(report, List.of());
    }

    private int run(Map<String, String> values, Path directory, Path log) throws IOException {
        List<String> argv = config.command().stream().map(a -> substitute(a, values)).toList();
        Path workingDirectory = config.workingDirectory() == null ? runDirectory
                : Path.of(substitute(config.workingDirectory(), values));
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        config.environment().forEach((k, v) -> builder.environment().put(k, substitute(v, values)));
        Files.writeString(log, "$ " + String.join(" ", argv) + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        LOG.info("{}: running {} (log: {})", name, String.join(" ", argv), log);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ExternalTrainerException("cannot start the trainer command " + argv + " in " + workingDirectory
                    + ": " + e.getMessage() + "; check the optimizer's command and workingDirectory", e);
        }
        long timeoutMillis = Math.round(config.timeoutMinutes() * 60_000);
        try {
            if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                stop(process);
                throw new ExternalTrainerException("the trainer command " + argv + " did not finish within "
                        + config.timeoutMinutes() + " minutes and was stopped; log: " + log + "\n" + tail(log));
            }
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new ExternalTrainerException("interrupted while the trainer ran; it was stopped; log: " + log, e);
        }
        int exit = process.exitValue();
        if (exit != 0) {
            throw new ExternalTrainerException("the trainer command " + argv + " failed with exit code " + exit
                    + "; the policy keeps model " + values.get("baseModel") + "; log: " + log + "\n" + tail(log));
        }
        return exit;
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

    private String tail(Path log) {
        if (config.logTailLines() == 0) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - config.logTailLines()), lines.size());
            return "last " + last.size() + " lines of the log:\n" + String.join("\n", last);
        } catch (IOException e) {
            return "(the log cannot be read: " + e.getMessage() + ")";
        }
    }

    private void waitUntilServed(LlmPolicy llm, String model, URI baseUrl) {
        if (config.readyTimeoutSeconds() <= 0) {
            return;
        }
        ChatClientSettings settings = baseUrl == null ? llm.client().settings() : llm.client().settings().withBaseUrl(baseUrl);
        URI models = settings.models();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Math.round(config.readyTimeoutSeconds() * 1e9);
        String last = "no answer yet";
        while (true) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(models).timeout(Duration.ofSeconds(10))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    for (JsonNode entry : mapper.readTree(response.body()).path("data")) {
                        if (model.equals(entry.path("id").asText())) {
                            return;
                        }
                    }
                    last = "the server lists other models";
                } else {
                    last = "status " + response.statusCode();
                }
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExternalTrainerException("interrupted while waiting for " + models + " to list " + model, e);
            }
            if (System.nanoTime() > deadline) {
                throw new ExternalTrainerException("training finished but " + models + " did not list model '" + model
                        + "' within " + config.readyTimeoutSeconds() + " s (" + last + "); serve the new weights "
                        + "under that name, or adjust modelTemplate/baseUrlTemplate");
            }
            try {
                Thread.sleep(Math.min(2000, Math.max(50, Math.round(config.readyTimeoutSeconds() * 100))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExternalTrainerException("interrupted while waiting for " + models + " to list " + model, e);
            }
        }
    }

    private JsonNode readDone(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            JsonNode done = mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return done != null && done.hasNonNull("model") ? done : null;
        } catch (IOException e) {
            LOG.warn("{}: ignoring unreadable {}: {}", name, file, e.getMessage());
            return null;
        }
    }

    private void writeDone(Path file, String digest, String model, URI baseUrl, int exit) throws IOException {
        ObjectNode done = mapper.createObjectNode();
        done.put("dataDigest", digest);
        done.put("model", model);
        if (baseUrl != null) {
            done.put("baseUrl", baseUrl.toString());
        }
        done.put("exitCode", exit);
        Path temporary = file.resolveSibling(DONE + ".tmp");
        Files.writeString(temporary, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(done),
                StandardCharsets.UTF_8);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<Double> losses(Path log) {
        List<Double> out = new ArrayList<>();
        if (!Files.exists(log)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith("$ ")) {
                    continue; // the command line written before the trainer's output
                }
                Matcher m = LOSS.matcher(line);
                while (m.find()) {
                    out.add(Double.parseDouble(m.group(1)));
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.debug("cannot read losses from {}: {}", log, e.getMessage());
        }
        return out;
    }

    private static String digest(List<Path> files) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Replaces {@code {name}} placeholders with their values. */
    static String substitute(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A label as a file name: {@code iter-2/dpo} becomes {@code iter-2-dpo}. */
    static String fileName(String label) {
        String cleaned = label.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return cleaned.isEmpty() ? "batch" : cleaned;
    }
}
