package dev.kaizen.household;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.ObservationSimilarity;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.household.expert.Expert;
import dev.kaizen.household.play.HouseholdEpisode;
import dev.kaizen.household.play.ViewSimilarity;
import dev.kaizen.household.tasks.HeldOut;
import dev.kaizen.household.tasks.HouseholdTask;
import dev.kaizen.household.tasks.TaskGenerator;
import dev.kaizen.household.world.Layout;
import dev.kaizen.household.world.LayoutGenerator;
import dev.kaizen.household.world.RoomSpec;
import dev.kaizen.household.world.Vocabulary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The household: an ALFWorld-like text world built in memory from a {@link HouseholdConfig}.
 *
 * <p>At construction it draws the layouts of each room type, holds some layouts and pairings out
 * for {@code unseen} ({@link HeldOut}) and makes the tasks of each split ({@link TaskGenerator}),
 * each a world, a goal and an instruction, checked against the expert. Tasks are listed in a stable
 * order; their ids are {@code train-0000}, {@code seen-0000}, {@code unseen-0000}, ...
 *
 * <p>Thread-safe: everything built is immutable and each episode holds its own state. Nothing to
 * close.
 */
public final class HouseholdEnvironment implements Environment {

    private static final ObservationSimilarity SIMILARITY = new ViewSimilarity();

    private final HouseholdConfig config;
    private final List<Layout> layouts;
    private final HeldOut heldOut;
    private final Expert expert = new Expert();
    private final Map<Split, List<HouseholdTask>> bySplit = new EnumMap<>(Split.class);
    private final Map<Split, List<Task>> tasks = new EnumMap<>(Split.class);
    private final Map<String, HouseholdTask> byId = new HashMap<>();
    private final int rejectedTasks;
    private final double buildSeconds;

    /**
     * Builds the household.
     *
     * @throws IllegalArgumentException if a split cannot be filled under the config
     */
    public HouseholdEnvironment(HouseholdConfig config) {
        this.config = requireNonNull(config, "config is null");
        long started = System.nanoTime();
        Vocabulary vocabulary = Vocabulary.standard();
        List<Layout> all = new ArrayList<>();
        for (RoomSpec room : vocabulary.rooms()) {
            all.addAll(LayoutGenerator.generate(vocabulary, room, config.layouts(), config.seed()));
        }
        layouts = List.copyOf(all);
        heldOut = HeldOut.choose(vocabulary, layouts, config.unseenLayouts(), config.familyList(),
                config.unseenPairings(), config.seed());
        TaskGenerator generator = new TaskGenerator(vocabulary, layouts, heldOut, config.familyList(),
                config.objects(), config.maxSteps(), config.seed());
        add(Split.TRAIN, generator.generate(Split.TRAIN, config.train()));
        add(Split.SEEN, generator.generate(Split.SEEN, config.seen()));
        add(Split.UNSEEN, generator.generate(Split.UNSEEN, config.unseen()));
        rejectedTasks = generator.rejected();
        buildSeconds = (System.nanoTime() - started) / 1e9;
    }

    private void add(Split split, List<HouseholdTask> made) {
        bySplit.put(split, made);
        tasks.put(split, made.stream().map(HouseholdTask::task).toList());
        for (HouseholdTask task : made) {
            byId.put(task.task().id(), task);
        }
    }

    @Override
    public List<Task> tasks(Split split) {
        return tasks.get(split);
    }

    /** The household is deterministic: {@code seed} is not used. */
    @Override
    public Episode reset(Task task, long seed) {
        HouseholdTask known = groundTruth(task);
        return new HouseholdEpisode(task, known.goal(), known.world(), config.maxSteps());
    }

    @Override
    public Optional<Trajectory> demonstration(Task task) {
        HouseholdTask known = groundTruth(task);
        try (HouseholdEpisode episode = new HouseholdEpisode(task, known.goal(), known.world(), config.maxSteps())) {
            return Optional.of(expert.demonstrate(episode, known.world(), known.goal()));
        }
    }

    @Override
    public ObservationSimilarity observationSimilarity() {
        return SIMILARITY;
    }

    /** The config this household was built from. */
    public HouseholdConfig config() {
        return config;
    }

    /** Every layout, by room type in vocabulary order. */
    public List<Layout> layouts() {
        return layouts;
    }

    /** What {@code unseen} holds out. */
    public HeldOut heldOut() {
        return heldOut;
    }

    /** The tasks of a split with their ground truth; for tests, benchmarks and analysis, never shown to agents. */
    public List<HouseholdTask> groundTruth(Split split) {
        return bySplit.get(split);
    }

    /**
     * The ground truth of a task; for tests, benchmarks and analysis, never shown to agents.
     *
     * @throws IllegalArgumentException if the task is not one of this household's
     */
    public HouseholdTask groundTruth(Task task) {
        requireNonNull(task, "task is null");
        HouseholdTask known = byId.get(task.id());
        if (known == null || !known.task().equals(task)) {
            throw new IllegalArgumentException("task '" + task.id() + "' is not a task of this household");
        }
        return known;
    }

    /** How many drawn tasks were thrown away (the expert could not do them within maxSteps, or a repeat). */
    public int rejectedTasks() {
        return rejectedTasks;
    }

    /** How long the build took, in seconds (wall clock; for reports only). */
    public double buildSeconds() {
        return buildSeconds;
    }
}
