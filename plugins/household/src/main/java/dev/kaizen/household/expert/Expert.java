package dev.kaizen.household.expert;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import dev.kaizen.household.goal.Family;
import dev.kaizen.household.goal.Goal;
import dev.kaizen.household.play.Command;
import dev.kaizen.household.play.HouseholdEpisode;
import dev.kaizen.household.play.Rules;
import dev.kaizen.household.play.Verb;
import dev.kaizen.household.world.ObjectSpec;
import dev.kaizen.household.world.Receptacle;
import dev.kaizen.household.world.World;
import dev.kaizen.household.world.WorldState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The household's expert: a person who knows the house's habits but not where things are this
 * time. It searches for what it needs where such things are usually found — the receptacle types
 * of the object's vocabulary entry, most likely first, then in listing order — opening what is
 * closed, and remembers what it has seen, so an object spotted on the way is fetched directly. It
 * then does what the family asks:
 * <ul>
 *   <li>pick and place: take the object, go to the first receptacle of the target type, open it if
 *       needed, put the object there;
 *   <li>clean, heat, cool and place: the same, with a stop at the first sink basin, microwave or
 *       fridge on the way;
 *   <li>look in light: take the object, find a lamp of the named type the same way, switch it on;
 *   <li>pick two and place: place one, then fetch a second and put it in the same receptacle.
 * </ul>
 * It never reads hidden ground truth; it acts only through the valid commands of each state, so
 * every action it takes is one an agent could take. Thread-safe (stateless).
 */
public final class Expert {

    /** The expert's commands for {@code goal} in {@code world}, or null if it cannot achieve it. */
    public List<Command> plan(World world, Goal goal) {
        Planner planner = new Planner(world, goal);
        return planner.run() && goal.isMet(planner.state) ? List.copyOf(planner.commands) : null;
    }

    /** Runs the plan in {@code episode} (fresh) and records it as an expert trajectory. */
    public Trajectory demonstrate(HouseholdEpisode episode, World world, Goal goal) {
        Task task = episode.task();
        List<Command> plan = plan(world, goal);
        if (plan == null) {
            throw new IllegalStateException("the expert cannot achieve task " + task.id() + ": " + goal);
        }
        List<Step> steps = new ArrayList<>();
        double reward = 0;
        for (Command command : plan) {
            Observation before = episode.observation();
            Observation after = episode.step(Action.of(command.text()));
            steps.add(new Step(before, command.action(), after.reward()));
            reward += after.reward();
            if (after.done()) {
                break;
            }
        }
        return Trajectory.of(task, steps, reward, TrajectorySource.EXPERT);
    }

    /** One planning run: the simulated state, what has been seen, the commands so far. */
    private static final class Planner {
        private final World world;
        private final Goal goal;
        private final WorldState state;
        private final boolean[] seen;
        private final List<Command> commands = new ArrayList<>();

        Planner(World world, Goal goal) {
            this.world = requireNonNull(world, "world is null");
            this.goal = requireNonNull(goal, "goal is null");
            this.state = world.start();
            this.seen = new boolean[world.receptacles().size()];
        }

        boolean run() {
            Family family = goal.family();
            if (!fetch(goal.object(), -1)) {
                return false;
            }
            if (family == Family.LOOK_IN_LIGHT) {
                int[] lamp = find(goal.target(), -1);
                if (lamp == null) {
                    return false;
                }
                goTo(lamp[0]);
                act(Verb.USE, lamp[0], lamp[1]);
                return true;
            }
            if (family.appliance() != null) {
                int appliance = world.layout().first(family.appliance());
                if (appliance < 0) {
                    return false;
                }
                goTo(appliance);
                act(Verb.valueOf(family.treatment().toUpperCase(Locale.ROOT)), appliance, state.held());
            }
            int destination = world.layout().first(goal.target());
            if (destination < 0) {
                return false;
            }
            place(destination);
            if (family == Family.PICK_TWO_AND_PLACE) {
                if (!fetch(goal.object(), destination)) {
                    return false;
                }
                place(destination);
            }
            return true;
        }

        /** Finds an object of {@code type} (not in {@code skip}) and takes it. */
        private boolean fetch(String type, int skip) {
            int[] found = find(type, skip);
            if (found == null) {
                return false;
            }
            goTo(found[0]);
            act(Verb.TAKE, found[0], found[1]);
            return true;
        }

        /**
         * Searches for an object of {@code type} outside {@code skip}: returns {receptacle, object} as
         * soon as one has been seen, after going to (and opening) receptacles in search order; null if
         * every likely receptacle was searched in vain.
         */
        private int[] find(String type, int skip) {
            for (int receptacle : searchOrder(type)) {
                int[] known = known(type, skip);
                if (known != null) {
                    return known;
                }
                if (seen[receptacle] || receptacle == skip) {
                    continue;
                }
                goTo(receptacle);
                if (!state.isReachable(receptacle)) {
                    act(Verb.OPEN, receptacle, -1);
                    seen[receptacle] = true;
                }
            }
            return known(type, skip);
        }

        /** An object of {@code type} seen in a receptacle other than {@code skip}, preferring where the agent is. */
        private int[] known(String type, int skip) {
            List<Integer> order = new ArrayList<>();
            if (state.at() >= 0) {
                order.add(state.at());
            }
            for (int r = 0; r < seen.length; r++) {
                order.add(r);
            }
            for (int r : order) {
                if (r == skip || !seen[r] || !state.isReachable(r)) {
                    continue;
                }
                for (int item : state.itemsIn(r)) {
                    if (world.items().get(item).type().equals(type)) {
                        return new int[] {r, item};
                    }
                }
            }
            return null;
        }

        /** The receptacles where objects of {@code type} are found: likeliest type first, then listing order. */
        private List<Integer> searchOrder(String type) {
            ObjectSpec spec = world.items().stream().filter(i -> i.type().equals(type)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + type + " in " + world.layout().id()))
                    .spec();
            List<Integer> order = new ArrayList<>();
            for (int r = 0; r < world.receptacles().size(); r++) {
                if (spec.places().containsKey(world.receptacles().get(r).type())) {
                    order.add(r);
                }
            }
            order.sort(Comparator.comparingInt((Integer r) -> -spec.places().get(world.receptacles().get(r).type()))
                    .thenComparingInt(r -> r));
            return order;
        }

        private void place(int destination) {
            goTo(destination);
            if (!state.isReachable(destination)) {
                act(Verb.OPEN, destination, -1);
            }
            act(Verb.PUT, destination, state.held());
        }

        private void goTo(int receptacle) {
            if (state.at() != receptacle) {
                act(Verb.GO, receptacle, -1);
            }
            if (state.isReachable(receptacle)) {
                seen[receptacle] = true;
            }
        }

        private void act(Verb verb, int receptacle, int item) {
            for (Command command : Rules.valid(state)) {
                if (command.verb() == verb && command.receptacle() == receptacle && command.item() == item) {
                    Rules.apply(state, command);
                    commands.add(command);
                    return;
                }
            }
            Receptacle r = receptacle >= 0 ? world.receptacles().get(receptacle) : null;
            throw new IllegalStateException("the expert's " + verb.id() + " " + (item >= 0 ? world.items().get(item) : "")
                    + " " + (r == null ? "" : r) + " is not valid in " + state.signature());
        }
    }
}
