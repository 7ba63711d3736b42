package dev.kaizen.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.api.method.EvaluationResult;
import dev.kaizen.core.evaluation.StageValidation;
import dev.kaizen.core.recipe.Recipe;
import dev.kaizen.core.secret.SecretValues;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes one run's {@code summary.json}, atomically, from the stages and evaluations recorded so
 * far: after every stage ({@code running}), at the end, and from the interruption hook. Once the run
 * is marked interrupted every later write says so, whatever the run's thread was about to write.
 * Thread-safe.
 */
final class SummaryWriter {

    private final RunDirectory directory;
    private final ObjectMapper json;
    private final Recipe recipe;
    private final String method;
    private final boolean resumed;
    private final long started = System.nanoTime();
    private final double earlierSeconds;
    private volatile Supplier<List<StageSummary>> stages;
    private volatile Supplier<List<EvaluationResult>> evaluations;
    private volatile Supplier<List<StageValidation>> validations;
    private boolean interrupted;

    /**
     * @param earlierSeconds wall time of the run's earlier processes (0 for a new run)
     * @param stages the stages recorded so far (the earlier processes' until the run's parts exist)
     * @param evaluations the evaluations recorded so far, likewise
     * @param validations the validations recorded so far, likewise
     */
    SummaryWriter(RunDirectory directory, ObjectMapper json, Recipe recipe, String method, boolean resumed,
                  double earlierSeconds, List<StageSummary> stages, List<EvaluationResult> evaluations,
                  List<StageValidation> validations) {
        this.directory = directory;
        this.json = json;
        this.recipe = recipe;
        this.method = method;
        this.resumed = resumed;
        this.earlierSeconds = earlierSeconds;
        this.stages = () -> stages;
        this.evaluations = () -> evaluations;
        this.validations = () -> validations;
    }

    /** From now on, the stages and evaluations come from {@code context}. */
    void follow(HostMethodContext context) {
        this.stages = context::stages;
        this.evaluations = context::evaluations;
        this.validations = context::validations;
    }

    /** Seconds this process has run. */
    double seconds() {
        return Math.round((System.nanoTime() - started) / 1e6) / 1e3;
    }

    /**
     * Writes the summary with {@code status}, unless the run was interrupted.
     *
     * @param error why the run failed, else null
     */
    synchronized Summary write(String status, String error) {
        if (interrupted) {
            status = Summary.INTERRUPTED;
            error = interruptedMessage();
        }
        double seconds = seconds();
        List<EvaluationResult> evaluated = List.copyOf(evaluations.get());
        List<StageValidation> validated = List.copyOf(validations.get());
        Summary summary = new Summary(recipe.name(), method, recipe.seed(), status, resumed, seconds,
                Math.round((earlierSeconds + seconds) * 1e3) / 1e3, List.copyOf(stages.get()), evaluated, validated,
                Summary.keptStage(validated, evaluated), SecretValues.mask(error));
        try {
            RunDirectory.writeAtomically(directory.summary(),
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write summary.json: " + e.getOriginalMessage(), e);
        }
        return summary;
    }

    /** Marks the run interrupted and writes the summary so; every later write keeps it. */
    synchronized void interrupt() {
        interrupted = true;
        write(Summary.INTERRUPTED, null);
    }

    /** Whether the run was interrupted. */
    synchronized boolean interrupted() {
        return interrupted;
    }

    /** What the summary and the console say of an interrupted run. */
    String interruptedMessage() {
        return "stopped by a signal; continue with: kaizen run --resume " + directory.path();
    }
}
