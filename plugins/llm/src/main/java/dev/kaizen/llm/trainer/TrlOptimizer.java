package dev.kaizen.llm.trainer;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.api.MetricsSink;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.llm.export.ConversationFormat;
import dev.kaizen.llm.export.DatasetFormats;
import dev.kaizen.llm.policy.LlmPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final TrlOptimizerConfig config;
    private final Path runDirectory;
    private final MetricsSink metrics;
    private final String name;
    private final String trainableName;
    private final TrainerCommand command;
    private final DoneFile doneFile;
    private final ServedModelCheck servedModel;
    private final Path trainers;

    /**
     * @param name this optimiser's part name, for messages
     * @param trainableName the part name of the policy it trains, for messages
     * @param trainers the installation's {@code trainers/} folder for {@code {trainers}}; null if unknown
     *     (then a config that names it is refused)
     */
    public TrlOptimizer(TrlOptimizerConfig config, Path runDirectory, MetricsSink metrics, String name,
                        String trainableName, Path trainers) {
        this.config = requireNonNull(config, "config is null");
        this.runDirectory = requireNonNull(runDirectory, "runDirectory is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.name = name;
        this.trainableName = trainableName;
        this.command = new TrainerCommand(config, runDirectory, name);
        this.doneFile = new DoneFile(name);
        this.servedModel = new ServedModelCheck(config.readyTimeoutSeconds());
        if (config.uses("trainers") && (trainers == null || !Files.isDirectory(trainers))) {
            throw new IllegalArgumentException("the " + name + " optimizer's command names {trainers}, the trainers/ "
                    + "folder of a Kaizen installation, but " + (trainers == null
                    ? "KAIZEN_HOME is not set (bin/kaizen sets it; set it to the installation's folder)"
                    : trainers + " is not a folder (KAIZEN_HOME names an installation without trainers/)"));
        }
        this.trainers = trainers;
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
        String iteration = Placeholders.fileName(batch.label());
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
            values.put("baseUrl", llm.baseUrl().toString());
            values.put("trainers", trainers == null ? "" : trainers.toString());

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
            String digest = DoneFile.digest(written);
            JsonNode done = doneFile.read(directory.resolve(DoneFile.NAME));
            String model;
            URI baseUrl;
            if (done != null && digest.equals(done.path("dataDigest").asText())) {
                model = done.get("model").asText();
                baseUrl = done.hasNonNull("baseUrl") ? URI.create(done.get("baseUrl").asText()) : null;
                LOG.info("{}: {} was already trained on this data (see {}); using model {}", name, batch.label(),
                        directory.resolve(DoneFile.NAME), model);
                report.put("reused", 1.0);
            } else {
                int exit = command.run(values, log);
                report.put("exitCode", (double) exit);
                model = Placeholders.substitute(config.modelTemplate(), values);
                baseUrl = config.baseUrlTemplate() == null ? null
                        : URI.create(Placeholders.substitute(config.baseUrlTemplate(), values));
                servedModel.waitUntilServed(baseUrl == null ? llm.client().settings()
                        : llm.client().settings().withBaseUrl(baseUrl), model);
                doneFile.write(directory.resolve(DoneFile.NAME), digest, model, baseUrl, exit);
                report.put("reused", 0.0);
            }
            List<Double> losses = TrainerLog.losses(log);
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
}
