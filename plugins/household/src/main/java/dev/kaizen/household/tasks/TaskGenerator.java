package dev.kaizen.household.tasks;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.Seeds;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.household.expert.Expert;
import dev.kaizen.household.goal.Family;
import dev.kaizen.household.goal.Goal;
import dev.kaizen.household.goal.InstructionWriter;
import dev.kaizen.household.play.Command;
import dev.kaizen.household.world.Layout;
import dev.kaizen.household.world.RoomSpec;
import dev.kaizen.household.world.Vocabulary;
import dev.kaizen.household.world.World;
import dev.kaizen.household.world.WorldGenerator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes the tasks of the splits. For each task: a family (uniformly among the configured ones), a
 * room type that asks it (uniformly), a layout of the split's pool, an object–target pairing of the
 * split's pool that the layout can hold, a world with the objects the goal needs (the goal's object
 * never starts in a receptacle of the target type for the place families, so no task starts done)
 * and an instruction. A task is kept only if the expert achieves it within the step limit and no
 * task of any split has the same world and goal; otherwise it is drawn again.
 *
 * <p>{@code train} and {@code seen} draw layouts and pairings that are not held out, {@code unseen}
 * only held-out ones ({@link HeldOut}). Task {@code i} of a split depends only on the config and
 * {@code i}, so growing a split keeps its first tasks. Not thread-safe (one generator per build).
 */
public final class TaskGenerator {

    private static final int TRIES = 500;

    private final Vocabulary vocabulary;
    private final List<Layout> layouts;
    private final HeldOut heldOut;
    private final List<Family> families;
    private final int objects;
    private final int maxSteps;
    private final long seed;
    private final WorldGenerator worlds;
    private final Expert expert = new Expert();
    private final Set<String> made = new HashSet<>();
    private int rejected;

    /**
     * @param objects objects per world
     * @param maxSteps the step limit the expert's plan must fit in
     */
    public TaskGenerator(Vocabulary vocabulary, List<Layout> layouts, HeldOut heldOut, List<Family> families,
                         int objects, int maxSteps, long seed) {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.layouts = List.copyOf(layouts);
        this.heldOut = requireNonNull(heldOut, "heldOut is null");
        this.families = List.copyOf(families);
        this.objects = objects;
        this.maxSteps = maxSteps;
        this.seed = seed;
        this.worlds = new WorldGenerator(vocabulary);
    }

    /** One way to draw a task: a room of a family and the pairings it may ask there. */
    private record Option(RoomSpec room, List<String[]> pairings) {
    }

    /**
     * The {@code count} tasks of {@code split}, ids {@code SPLIT-0000}, ...
     *
     * @throws IllegalArgumentException if the split cannot be filled (no pairing for it, or too many draws fail)
     */
    public List<HouseholdTask> generate(Split split, int count) {
        boolean unseen = split == Split.UNSEEN;
        Map<Family, List<Option>> options = new LinkedHashMap<>();
        for (Family family : families) {
            for (RoomSpec room : vocabulary.rooms()) {
                if (!room.families().contains(family.id())) {
                    continue;
                }
                List<String[]> pairings = new ArrayList<>();
                for (String object : room.objects()) {
                    for (String target : HeldOut.targets(vocabulary, room, family, vocabulary.object(object))) {
                        if (heldOut.isHeldOut(object + ">" + target) == unseen) {
                            pairings.add(new String[] {object, target});
                        }
                    }
                }
                if (!pairings.isEmpty()) {
                    options.computeIfAbsent(family, f -> new ArrayList<>()).add(new Option(room, pairings));
                }
            }
        }
        if (count > 0 && options.isEmpty()) {
            throw new IllegalArgumentException("no pairing of the families " + families + " is left for the " + split
                    + " split; change unseenPairings or families");
        }
        List<Family> drawn = List.copyOf(options.keySet());
        List<HouseholdTask> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SplittableRandom random = new SplittableRandom(Seeds.derive(Seeds.derive(seed, "tasks-" + split.id()), i));
            HouseholdTask task = null;
            for (int attempt = 0; task == null; attempt++) {
                if (attempt >= TRIES) {
                    throw new IllegalArgumentException("could not make " + split + " task " + i + " in " + TRIES
                            + " draws (the expert needs more than maxSteps = " + maxSteps
                            + " steps, or the worlds repeat); raise maxSteps, objects or layouts");
                }
                Family family = drawn.get(random.nextInt(drawn.size()));
                List<Option> rooms = options.get(family);
                Option option = rooms.get(random.nextInt(rooms.size()));
                task = draw(split, i, family, option, random);
                if (task == null) {
                    rejected++;
                }
            }
            tasks.add(task);
        }
        return List.copyOf(tasks);
    }

    private HouseholdTask draw(Split split, int index, Family family, Option option, SplittableRandom random) {
        boolean unseen = split == Split.UNSEEN;
        List<Layout> pool = layouts.stream()
                .filter(l -> l.room().name().equals(option.room().name()) && heldOut.isHeldOut(l) == unseen).toList();
        Layout layout = pool.get(random.nextInt(pool.size()));
        List<String[]> fitting = option.pairings().stream()
                .filter(p -> family == Family.LOOK_IN_LIGHT || layout.has(p[1])).toList();
        if (fitting.isEmpty()) {
            return null;
        }
        String[] pairing = fitting.get(random.nextInt(fitting.size()));
        Goal goal = new Goal(family, pairing[0], pairing[1]);
        List<String> required = switch (family) {
            case PICK_TWO_AND_PLACE -> List.of(goal.object(), goal.object());
            case LOOK_IN_LIGHT -> List.of(goal.object(), goal.target());
            default -> List.of(goal.object());
        };
        boolean guard = family == Family.PICK_AND_PLACE || family == Family.PICK_TWO_AND_PLACE;
        World world = worlds.generate(layout, required, guard ? goal.object() : null, guard ? goal.target() : null,
                objects, random);
        if (world == null || goal.isMet(world.start())) {
            return null;
        }
        List<Command> plan = expert.plan(world, goal);
        if (plan == null || plan.size() > maxSteps || !made.add(world.signature() + " | " + goal)) {
            return null;
        }
        String instruction = InstructionWriter.write(goal, vocabulary.object(goal.object()), random);
        Map<String, String> info = new LinkedHashMap<>();
        info.put("room", option.room().name());
        info.put("family", family.id());
        Task task = new Task(String.format(Locale.ROOT, "%s-%04d", split.id(), index), split, instruction, info);
        return new HouseholdTask(task, goal, world, plan.size());
    }

    /** How many drawn tasks were thrown away (the expert could not do them in time, or a repeat). */
    public int rejected() {
        return rejected;
    }
}
