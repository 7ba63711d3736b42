package dev.kaizen.core.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.api.Checkpointable;
import dev.kaizen.api.ComponentConfig;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.method.EvaluationRequest;
import dev.kaizen.api.method.EvaluationResult;
import dev.kaizen.api.method.MethodContext;
import dev.kaizen.api.method.StageBody;
import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.rollout.Rollouts;
import dev.kaizen.api.search.SearchAlgorithm;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.core.backend.Distribution;
import dev.kaizen.core.evaluation.Evaluator;
import dev.kaizen.core.evaluation.StageValidation;
import dev.kaizen.core.evaluation.TrainingView;
import dev.kaizen.core.recipe.ConfigBinder;
import dev.kaizen.core.rollout.ProgressDisplay;
import dev.kaizen.core.rollout.RolloutEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The host's {@link MethodContext}: stages with atomic checkpoints and resume, evaluation recorded
 * for {@code summary.json}, and the run's trajectory and pair files.
 *
 * <p>On resume, stages completed before are skipped, and while they are being skipped everything
 * the method records (metrics, trajectories, pairs, evaluations) is dropped, since the run's files
 * already hold it. Before the first stage that runs, the last completed stage's checkpoint (policy
 * and persisted state) is loaded. Used from the method's thread.
 */
public final class HostMethodContext extends HostComponentContext implements MethodContext {

    private static final Pattern STAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final RunDirectory directory;
    private final RunFiles files;
    private final RunMetrics metrics;
    private final ObjectMapper json;
    private final PrintStream console;
    private final Set<String> completedBefore;
    private final StageRecord resumeFrom;
    private final List<EvaluationResult> evaluations;
    private final List<StageSummary> stages;
    private final List<StageValidation> validations;
    private final ErrorBudget budget;
    private final Distribution distribution;
    private final Runnable onStageEnd;
    private final Set<String> ran = new HashSet<>();
    private final Set<String> noticed = ConcurrentHashMap.newKeySet();
    private final Map<String, Checkpointable> persisted = new LinkedHashMap<>();
    private boolean replaying;
    private int nextIndex;
    private TrainingView environment;
    private Policy policy;
    private Evaluator evaluator;

    /** @param distribution the rollout backend's driver side; null for the local backend */
    HostMethodContext(long seed, RunDirectory directory, RunFiles files, RunMetrics metrics, ProgressDisplay progress,
                      ConfigBinder binder, RolloutEngine engine, Distribution distribution, PrintStream console,
                      List<StageRecord> completed, List<EvaluationResult> earlierEvaluations,
                      List<StageValidation> earlierValidations, double maxErrorShare, Runnable onStageEnd) {
        this(seed, directory, files, metrics, progress, binder, distribution == null ? engine
                : distribution.rollouts(engine), distribution, console, completed, earlierEvaluations,
                earlierValidations, new ErrorBudget(maxErrorShare), onStageEnd);
    }

    private HostMethodContext(long seed, RunDirectory directory, RunFiles files, RunMetrics metrics,
                              ProgressDisplay progress, ConfigBinder binder, Rollouts rollouts,
                              Distribution distribution, PrintStream console, List<StageRecord> completed,
                              List<EvaluationResult> earlierEvaluations, List<StageValidation> earlierValidations,
                              ErrorBudget budget, Runnable onStageEnd) {
        super(seed, directory.path(), metrics, progress, binder, CountedEpisodes.rollouts(rollouts, budget));
        this.distribution = distribution;
        if (distribution != null) {
            distribution.noticesTo(this::notice);
        }
        this.budget = budget;
        this.directory = directory;
        this.files = files;
        this.metrics = metrics;
        this.json = binder.json();
        this.console = console;
        this.completedBefore = new HashSet<>();
        completed.forEach(record -> completedBefore.add(record.stage()));
        this.resumeFrom = completed.isEmpty() ? null : completed.get(completed.size() - 1);
        this.evaluations = new CopyOnWriteArrayList<>(earlierEvaluations);
        this.stages = new CopyOnWriteArrayList<>(completed.stream().map(StageRecord::summary).toList());
        this.validations = new CopyOnWriteArrayList<>(earlierValidations);
        this.onStageEnd = onStageEnd;
        this.replaying = resumeFrom != null;
        metrics.mute(replaying);
    }

    /** @param environment the recipe's environment with its validation tasks held out */
    void attach(TrainingView environment, Policy policy, Evaluator evaluator) {
        if (distribution != null) {
            distribution.alias(environment, environment.environment());
        }
        this.environment = environment;
        this.policy = policy;
        this.evaluator = evaluator;
    }

    /** Every evaluation recorded, earlier runs' included. */
    List<EvaluationResult> evaluations() {
        return Collections.unmodifiableList(evaluations);
    }

    /** Printed once each as {@code kaizen: note: ...}, and recorded as a {@code notice} event. */
    @Override
    public void notice(String message) {
        if (noticed.add(message) && !metrics.muted()) {
            console.println("kaizen: note: " + message);
            metrics.record("notice", Map.of("message", message));
        }
    }

    /** Every validation recorded, earlier runs' included. */
    List<StageValidation> validations() {
        return Collections.unmodifiableList(validations);
    }

    /** Every completed stage, earlier runs' included. */
    List<StageSummary> stages() {
        return Collections.unmodifiableList(stages);
    }

    /**
     * Builds a part; searches are counted, so that a stage whose episodes error too often fails (see
     * {@link ErrorBudget}). With a rollout backend, the part is remembered with its config (executors
     * rebuild it from that), and a search runs on the backend when its problem's parts can be rebuilt.
     */
    @Override
    public <T> T create(ComponentConfig<T> config) {
        T part = super.create(config);
        if (distribution != null) {
            distribution.record(part, config);
        }
        if (part instanceof SearchAlgorithm search) {
            @SuppressWarnings("unchecked")
            T counted = (T) CountedEpisodes.search(distribution == null ? search : distribution.search(search, config),
                    budget);
            return counted;
        }
        return part;
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public Policy policy() {
        return policy;
    }

    @Override
    public void stage(String name, StageBody body) throws Exception {
        if (name == null || !STAGE.matcher(name).matches()) {
            throw new IllegalArgumentException("stage name must be letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        if (!ran.add(name)) {
            throw new IllegalArgumentException("stage '" + name + "' already ran in this run; stage names must be unique");
        }
        int index = nextIndex++;
        if (replaying && completedBefore.contains(name)) {
            console.println("stage " + name + ": completed earlier, skipped");
            return;
        }
        if (replaying) {
            restore(resumeFrom);
            replaying = false;
            metrics.mute(false);
        }
        long started = System.nanoTime();
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("stage", name);
        start.put("index", index);
        metrics.record("stage-start", start);
        budget.startStage(name);
        body.run();
        budget.checkStage();
        checkpoint(name, index, (System.nanoTime() - started) / 1e9);
    }

    private void checkpoint(String name, int index, double seconds) throws IOException {
        Path checkpoints = directory.checkpoints();
        Path temporary = checkpoints.resolve(".tmp-" + name);
        Path target = checkpoints.resolve(name);
        deleteRecursively(temporary);
        Files.createDirectories(temporary);
        if (policy instanceof Checkpointable checkpointable) {
            Path folder = Files.createDirectories(temporary.resolve("policy"));
            checkpointable.save(folder);
        }
        for (Map.Entry<String, Checkpointable> state : persisted.entrySet()) {
            Path folder = Files.createDirectories(temporary.resolve("state").resolve(state.getKey()));
            state.getValue().save(folder);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("stage", name);
        fields.put("index", index);
        fields.put("seconds", seconds);
        ErrorBudget.StageErrors counts = budget.stageErrors();
        fields.put("episodes", counts.episodes());
        fields.put("errors", counts.errors());
        metrics.record("stage", fields);
        StageRecord record = new StageRecord(name, index, seconds, counts.episodes(), counts.errors(), files.sizes());
        RunDirectory.writeAtomically(temporary.resolve("stage.json"), json.writerWithDefaultPrettyPrinter()
                .writeValueAsString(record));
        deleteRecursively(target);
        RunDirectory.move(temporary, target);
        stages.add(record.summary());
        console.printf(Locale.ROOT, "stage %s: completed in %.1f s%s%n", name, seconds, counts.errors().total() == 0 ? ""
                : String.format(Locale.ROOT, ", %d of %d episodes errored (%s)", counts.errors().total(),
                        counts.episodes(), counts.errors()));
        onStageEnd.run();
    }

    private void restore(StageRecord record) throws IOException {
        Path folder = directory.checkpoints().resolve(record.stage());
        if (policy instanceof Checkpointable checkpointable && Files.isDirectory(folder.resolve("policy"))) {
            checkpointable.load(folder.resolve("policy"));
        }
        for (Map.Entry<String, Checkpointable> state : persisted.entrySet()) {
            Path saved = folder.resolve("state").resolve(state.getKey());
            if (Files.isDirectory(saved)) {
                state.getValue().load(saved);
            }
        }
        console.println("resuming after stage " + record.stage());
    }

    @Override
    public void persist(String name, Checkpointable state) {
        if (name == null || !STAGE.matcher(name).matches()) {
            throw new IllegalArgumentException("persisted state name must be letters, digits, '.', '_' or '-', got '"
                    + name + "'");
        }
        if (persisted.putIfAbsent(name, state) != null) {
            throw new IllegalArgumentException("state '" + name + "' is already persisted");
        }
    }

    @Override
    public List<EvaluationResult> evaluate(String stage, Policy evaluated) {
        return evaluate(new EvaluationRequest(stage, evaluated, null, null, null));
    }

    /**
     * Evaluates; an evaluation with the recipe's search (no search and no search name in the request)
     * is also run on the validation tasks, and so makes its stage a candidate for the stage kept.
     */
    @Override
    public List<EvaluationResult> evaluate(EvaluationRequest request) {
        budget.evaluating(true);
        try {
            List<EvaluationResult> results = evaluator.evaluate(request, this::record);
            boolean candidate = request.search() == null && request.searchName() == null;
            if (candidate && validations.isEmpty() && environment.shortfall() != null) {
                notice(environment.shortfall());
            }
            if (candidate && !environment.validationTasks().isEmpty() && !metrics.muted()) {
                evaluator.validate(request.stage(), request.policy(), environment.validationTasks(), this::record);
            }
            return results;
        } finally {
            budget.evaluating(false);
        }
    }

    /** Records one evaluated split (unless replaying), then fails the run if too many of its episodes errored. */
    private void record(EvaluationResult result, List<Trajectory> trajectories) {
        if (metrics.muted()) {
            return;
        }
        if (evaluator.keepsTrajectories()) {
            files.appendEvaluation(evaluationFileName(result.stage(), result.search(), result.split()), trajectories);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("stage", result.stage());
        fields.put("split", result.split().id());
        fields.put("search", result.search());
        fields.put("episodes", result.episodes());
        fields.put("successRate", result.successRate());
        fields.put("meanReward", result.meanReward());
        fields.put("successCi95", result.successCi95());
        fields.put("errors", result.errors());
        metrics.record("evaluation", fields);
        evaluations.add(result);
        console.printf(Locale.ROOT, "%s %s (%s): success %.1f%% [%.1f%%, %.1f%%], mean reward %.3f, %d episodes%s%n",
                result.stage(), result.split(), result.search(), 100 * result.successRate(),
                100 * result.successCi95().get(0), 100 * result.successCi95().get(1), result.meanReward(),
                result.episodes(), result.errors().total() == 0 ? "" : String.format(Locale.ROOT,
                        ", %d errored (%s), rates over the other %d", result.errors().total(), result.errors(),
                        result.completed()));
        budget.checkEvaluation(result, trajectories);
    }

    /** Records one validation, then fails the run if too many of its episodes errored. */
    private void record(StageValidation validation, List<Trajectory> trajectories) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("stage", validation.stage());
        fields.put("episodes", validation.episodes());
        fields.put("successRate", validation.successRate());
        fields.put("meanReward", validation.meanReward());
        fields.put("successCi95", validation.successCi95());
        fields.put("errors", validation.errors());
        metrics.record("validation", fields);
        validations.add(validation);
        console.printf(Locale.ROOT, "%s validation: success %.1f%% [%.1f%%, %.1f%%], mean reward %.3f, %d held-out"
                + " train episodes%n", validation.stage(), 100 * validation.successRate(),
                100 * validation.successCi95().get(0), 100 * validation.successCi95().get(1),
                validation.meanReward(), validation.episodes());
        budget.checkValidation(validation, trajectories);
    }

    @Override
    public void writeTrajectories(String name, List<Trajectory> trajectories) {
        if (!metrics.muted()) {
            files.appendTrajectories(name, trajectories);
        }
    }

    @Override
    public void writePairs(String name, List<PreferencePair> pairs) {
        if (!metrics.muted()) {
            files.appendPairs(name, pairs);
        }
    }

    /** {@code STAGE-SEARCH-SPLIT}, with any character a file name may not hold replaced by '_'. */
    static String evaluationFileName(String stage, String search, Split split) {
        return (stage + "-" + search + "-" + split.id()).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
