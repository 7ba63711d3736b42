package dev.kaizen.core.evaluation;

import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.ObservationSimilarity;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The recipe's environment as a method sees it: the {@code train} split without its last tasks,
 * which are held out to validate the method's stages (see {@link StageValidation}). A method never
 * trains, explores or practises on a validation task, so the stage it keeps is chosen on tasks from
 * the training distribution that it has not seen, and never on {@code seen} or {@code unseen}.
 * Everything else is the environment's own. Closing the view does not close the environment.
 */
public final class TrainingView implements Environment {

    private final Environment environment;
    private final List<Task> train;
    private final List<Task> validation;
    private final int requested;

    private TrainingView(Environment environment, List<Task> train, List<Task> validation, int requested) {
        this.environment = environment;
        this.train = train;
        this.validation = validation;
        this.requested = requested;
    }

    /**
     * Holds out the last {@code requested} train tasks, or a quarter of them if there are fewer than
     * four times as many (so that most stay for training); none when {@code requested} is 0.
     */
    public static TrainingView carve(Environment environment, int requested) {
        if (requested < 0) {
            throw new IllegalArgumentException("evaluation.validation must be >= 0, got " + requested);
        }
        List<Task> all = environment.tasks(Split.TRAIN);
        int held = Math.min(requested, all.size() / 4);
        return new TrainingView(environment, List.copyOf(all.subList(0, all.size() - held)),
                List.copyOf(all.subList(all.size() - held, all.size())), requested);
    }

    /**
     * What to tell the user when fewer tasks were held out than the recipe asks for (the environment
     * has too few), or null when all were.
     */
    public String shortfall() {
        int held = validation.size();
        if (held >= requested) {
            return null;
        }
        return "evaluation.validation asks for " + requested + " held-out train tasks, but the environment has "
                + (train.size() + held) + "; holding out " + held + " (at most a quarter)"
                + (held == 0 ? ": no stage is validated, the last one is kept" : "");
    }

    /** The held-out validation tasks, in the environment's order (empty if none are held out). */
    public List<Task> validationTasks() {
        return validation;
    }

    /** The environment itself, for what only the host does with it (evaluating). */
    public Environment environment() {
        return environment;
    }

    @Override
    public List<Task> tasks(Split split) {
        return split == Split.TRAIN ? train : environment.tasks(split);
    }

    @Override
    public Episode reset(Task task, long seed) {
        return environment.reset(task, seed);
    }

    @Override
    public Optional<Trajectory> demonstration(Task task) {
        return environment.demonstration(task);
    }

    @Override
    public OptionalInt stepLimit() {
        return environment.stepLimit();
    }

    @Override
    public ObservationSimilarity observationSimilarity() {
        return environment.observationSimilarity();
    }

    @Override
    public OptionalInt maxOpenEpisodes() {
        return environment.maxOpenEpisodes();
    }
}
