package dev.kaizen.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.method.EvaluationResult;
import dev.kaizen.api.method.TrainingMethod;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.trajectory.ErrorCounts;
import dev.kaizen.core.Closing;
import dev.kaizen.core.BadInputException;
import dev.kaizen.core.backend.Distribution;
import dev.kaizen.core.backend.RolloutBackends;
import dev.kaizen.core.evaluation.Evaluator;
import dev.kaizen.core.evaluation.StageValidation;
import dev.kaizen.core.evaluation.TrainingView;
import dev.kaizen.core.plugin.PluginLinkageException;
import dev.kaizen.core.recipe.ConfigBinder;
import dev.kaizen.core.recipe.Recipe;
import dev.kaizen.core.recipe.RecipeLoader;
import dev.kaizen.core.registry.RegisteredComponent;
import dev.kaizen.core.report.ReportWriter;
import dev.kaizen.core.rollout.ProgressDisplay;
import dev.kaizen.core.rollout.RolloutEngine;
import dev.kaizen.core.run.provenance.ProvenanceRecorder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs recipes into run directories: builds the recipe's parts, runs the method in stages, records
 * evaluations, and writes {@code summary.json} (after every stage and at the end, also when the run
 * fails) and the report. Resumes interrupted runs, reading the recipe's {@code ${env:NAME}}
 * secrets from the environment again. Thread-safe; each run uses its own state.
 */
public final class Runner {

    private final RecipeLoader loader;
    private final ProgressDisplay progress;
    private final PrintStream console;
    private final Clock clock;
    private final ProvenanceRecorder provenance;

    /**
     * @param console where one-line notes go (stage ends, evaluation results)
     * @param provenance writes each run's {@code run.json}
     */
    public Runner(RecipeLoader loader, ProgressDisplay progress, PrintStream console, Clock clock,
                  ProvenanceRecorder provenance) {
        this.loader = loader;
        this.progress = progress;
        this.console = console;
        this.clock = clock;
        this.provenance = provenance;
    }

    /** Runs {@code recipe} into a new run directory at {@code out}. */
    public Summary run(Recipe recipe, Path out) throws Exception {
        Compatibility.check(recipe, loader.binder().registry());
        RolloutBackends.find(recipe.rollout());
        RunDirectory directory = RunDirectory.createNew(out);
        RunDirectory.writeAtomically(directory.recipe(), loader.toYaml(recipe));
        try {
            return execute(recipe, directory, List.of(), List.of(), List.of(), 0, false);
        } catch (BadInputException | IncompatiblePartsException e) {
            // refused before anything was produced: leave no run directory behind
            if (completedStages(directory, loader.binder().json()).isEmpty() && nothingAppended(directory)) {
                HostMethodContext.deleteRecursively(directory.path());
            }
            throw e;
        }
    }

    /**
     * Continues the run in {@code dir}: its recipe, its completed stages skipped, files written by
     * the stage that did not complete removed.
     */
    public Summary resume(Path dir) throws Exception {
        RunDirectory directory = RunDirectory.existing(dir);
        Recipe recipe;
        try {
            recipe = directory.loadRecipe(loader);
        } catch (BadInputException e) {
            throw new BadInputException("cannot resume " + dir + ": " + e.getMessage(), e);
        }
        Compatibility.check(recipe, loader.binder().registry());
        ObjectMapper json = loader.binder().json();
        List<StageRecord> completed = completedStages(directory, json);
        RunFiles files = new RunFiles(directory, json);
        files.truncate(completed.isEmpty() ? Map.of() : completed.get(completed.size() - 1).files());
        files.close();
        return execute(recipe, directory, completed, readEvaluations(directory, json), readValidations(directory, json),
                earlierSeconds(directory, json), true);
    }

    private Summary execute(Recipe recipe, RunDirectory directory, List<StageRecord> completed,
                            List<EvaluationResult> earlier, List<StageValidation> earlierValidations,
                            double earlierSeconds, boolean resumed) throws Exception {
        provenance.record(directory, recipe, resumed);
        ConfigBinder binder = loader.binder();
        ObjectMapper json = binder.json();
        String methodName = name(binder, recipe.method());
        SummaryWriter summary = new SummaryWriter(directory, json, recipe, methodName, resumed, earlierSeconds,
                completed.stream().map(StageRecord::summary).toList(), earlier, earlierValidations);
        RunFiles files = new RunFiles(directory, json);
        RunMetrics metrics = new RunMetrics(files, json, clock);
        Environment environment = null;
        Policy policy = null;
        Evaluator evaluator = null;
        try (RolloutEngine engine = new RolloutEngine(recipe.rollout(), progress, metrics);
             Distribution distribution = Distribution.open(recipe.rollout(), binder, recipe.seed(), metrics, progress);
             Interruption interruption = Interruption.install(() -> interrupted(summary))) {
            HostMethodContext context = new HostMethodContext(recipe.seed(), directory, files, metrics, progress,
                    binder, engine, distribution, console, completed, earlier, earlierValidations,
                    recipe.evaluation().maxErrorShare(),
                    () -> summary.write(Summary.RUNNING, null));
            summary.follow(context);
            Map<String, Object> start = new LinkedHashMap<>();
            start.put("recipe", recipe.name());
            start.put("method", methodName);
            start.put("seed", recipe.seed());
            start.put("resumed", resumed);
            if (!metrics.muted()) {
                metrics.record("run-start", start);
                if (distribution != null) {
                    metrics.record("rollout-backend", distribution.description());
                }
            }
            environment = context.create(recipe.environment());
            policy = context.create(recipe.policy());
            TrainingMethod method = context.create(recipe.method());
            TrainingView view = TrainingView.carve(environment, recipe.evaluation().validation());
            evaluator = new Evaluator(view, recipe.evaluation(), context, name(binder, recipe.evaluation().search()));
            context.attach(view, policy, evaluator);
            method.run(context);
            metrics.mute(false);
            Map<String, Object> end = new LinkedHashMap<>(engine.totals());
            if (distribution != null) {
                distribution.totals().forEach((key, value) -> end.merge(key, value, (a, b) -> (Long) a + (Long) b));
            }
            end.put("seconds", summary.seconds());
            metrics.record("run-end", end);
            return summary.write(Summary.COMPLETED, null);
        } catch (Exception | Error e) {
            Optional<String> linkage = binder.registry().plugins().linkageFailure(e);
            String error = linkage.orElse(e.getMessage() == null ? e.toString() : e.getMessage());
            try {
                summary.write(Summary.FAILED, error);
            } catch (RuntimeException | Error unwritten) {
                e.addSuppressed(unwritten);
                console.println("summary.json not written: " + unwritten.getMessage());
            }
            if (linkage.isPresent() && !(e instanceof PluginLinkageException)) {
                throw new PluginLinkageException(linkage.get(), e);
            }
            throw e;
        } finally {
            Closing.quietly(evaluator);
            Closing.quietly(policy);
            Closing.quietly(environment);
            Closing.quietly(files);
            try {
                new ReportWriter(json).write(directory);
            } catch (RuntimeException | IOException e) {
                console.println("report.html not written: " + e.getMessage());
            }
        }
    }

    /** From the interruption hook: the summary says so, the console says how to go on. */
    private void interrupted(SummaryWriter summary) {
        try {
            summary.interrupt();
        } catch (RuntimeException e) {
            console.println("summary.json not written: " + e.getMessage());
        }
        console.println("kaizen: interrupted: " + summary.interruptedMessage());
        console.flush();
    }

    private static String name(ConfigBinder binder, Object config) {
        return binder.registry().forConfig((dev.kaizen.api.ComponentConfig<?>) config)
                .map(RegisteredComponent::name).orElse(config.getClass().getSimpleName());
    }

    /** Whether a run has written no trajectories, pairs or evaluated episodes. */
    private static boolean nothingAppended(RunDirectory directory) throws IOException {
        for (Path folder : List.of(directory.trajectories(), directory.pairs(), directory.evaluation())) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> listing = Files.list(folder)) {
                    if (listing.findAny().isPresent()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The wall time of a run's earlier processes, from its summary (0 if it has none). */
    static double earlierSeconds(RunDirectory directory, ObjectMapper json) {
        if (!Files.isRegularFile(directory.summary())) {
            return 0;
        }
        try {
            JsonNode summary = json.readTree(directory.summary().toFile());
            return summary.path("totalWallSeconds").asDouble(summary.path("wallSeconds").asDouble(0));
        } catch (IOException e) {
            return 0;
        }
    }

    /** The completed stages of a run, in the order they ran; stray temporary checkpoints are removed. */
    static List<StageRecord> completedStages(RunDirectory directory, ObjectMapper json) throws IOException {
        List<StageRecord> records = new ArrayList<>();
        if (!Files.isDirectory(directory.checkpoints())) {
            return records;
        }
        try (Stream<Path> listing = Files.list(directory.checkpoints())) {
            for (Path folder : listing.sorted().toList()) {
                if (folder.getFileName().toString().startsWith(".tmp-")) {
                    HostMethodContext.deleteRecursively(folder);
                    continue;
                }
                Path file = folder.resolve("stage.json");
                if (Files.isRegularFile(file)) {
                    records.add(StageFile.read(file, json));
                }
            }
        }
        records.sort(Comparator.comparingInt(StageRecord::index));
        return records;
    }

    /** The {@code validation} events of a run's metrics. */
    static List<StageValidation> readValidations(RunDirectory directory, ObjectMapper json) throws IOException {
        List<StageValidation> results = new ArrayList<>();
        for (JsonNode event : events(directory, json, "validation")) {
            results.add(new StageValidation(event.path("stage").asText(), event.path("episodes").asInt(),
                    event.path("successRate").asDouble(), event.path("meanReward").asDouble(),
                    List.of(event.path("successCi95").path(0).asDouble(), event.path("successCi95").path(1).asDouble()),
                    errors(event.path("errors"))));
        }
        return results;
    }

    /** The {@code evaluation} events of a run's metrics. */
    static List<EvaluationResult> readEvaluations(RunDirectory directory, ObjectMapper json) throws IOException {
        List<EvaluationResult> results = new ArrayList<>();
        for (JsonNode event : events(directory, json, "evaluation")) {
            results.add(new EvaluationResult(event.path("stage").asText(), Split.of(event.path("split").asText()),
                    event.path("search").asText(), event.path("episodes").asInt(),
                    event.path("successRate").asDouble(), event.path("meanReward").asDouble(),
                    List.of(event.path("successCi95").path(0).asDouble(), event.path("successCi95").path(1).asDouble()),
                    errors(event.path("errors"))));
        }
        return results;
    }

    private static ErrorCounts errors(JsonNode errors) {
        return new ErrorCounts(errors.path("policy").asInt(), errors.path("environment").asInt(),
                errors.path("other").asInt());
    }

    /** The events called {@code name} in a run's metrics, in order. */
    private static List<JsonNode> events(RunDirectory directory, ObjectMapper json, String name) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        if (!Files.isRegularFile(directory.metrics())) {
            return events;
        }
        for (String line : Files.readAllLines(directory.metrics(), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode event;
            try {
                event = json.readTree(line);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("metrics.jsonl has a malformed line: " + line, e);
            }
            if (name.equals(event.path("event").asText())) {
                events.add(event);
            }
        }
        return events;
    }
}
