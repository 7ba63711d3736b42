package dev.kaizen.household.play;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.EpisodeSnapshot;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Task;
import dev.kaizen.household.goal.Goal;
import dev.kaizen.household.world.World;
import dev.kaizen.household.world.WorldState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One household episode: starts in the middle of the room and ends with reward 1 on the step that
 * achieves the goal, or with reward 0 when the step limit is reached. Every other step has reward 0.
 *
 * <p>The valid actions are listed with each observation ({@link Rules#valid}); an action is matched
 * ignoring case, extra spaces and a final full stop, and {@code put X in Y} or {@code put X on Y}
 * stand for {@code put X in/on Y}. Anything else — an unknown command, an object that is not there,
 * a closed receptacle, any action after the end — gives {@code Nothing happens.} with the reason in
 * the text and under the info key {@code feedback}, reward 0; it never throws. Every action, valid or
 * not, uses one step.
 *
 * <p>Info of every observation: {@code room} (room type), {@code page} (what the agent faces: a
 * receptacle type, or {@code middle}), {@code location} (the receptacle's name, or {@code middle}),
 * {@code holding} (the held object's type, or {@code nothing}), {@code event} (what the last action
 * did: {@code start}, a {@link Verb} id, or {@code invalid}) and {@code step}.
 *
 * <p>Deterministic, and supports snapshots: a snapshot is a copy of the world state with the step
 * count and observation, and may be restored into any episode of the same task. Not thread-safe.
 */
public final class HouseholdEpisode implements Episode {

    private final Task task;
    private final Goal goal;
    private final World world;
    private final int maxSteps;
    private WorldState state;
    private int steps;
    private boolean done;
    private Observation observation;

    public HouseholdEpisode(Task task, Goal goal, World world, int maxSteps) {
        this.task = requireNonNull(task, "task is null");
        this.goal = requireNonNull(goal, "goal is null");
        this.world = requireNonNull(world, "world is null");
        this.maxSteps = maxSteps;
        this.state = world.start();
        this.observation = render(Narrator.room(world) + "\n\nYour task is to: " + task.instruction(), "start", "",
                0.0);
    }

    @Override
    public Task task() {
        return task;
    }

    @Override
    public Observation observation() {
        return observation;
    }

    /** The current world state, for tests and analysis; do not change it. */
    public WorldState state() {
        return state;
    }

    @Override
    public Observation step(Action action) {
        if (done) {
            Map<String, String> info = new LinkedHashMap<>(observation.info());
            info.put(Observation.FEEDBACK, "the episode has ended; start a new one to play again");
            observation = new Observation(observation.text(), List.of(), List.of(), true, 0.0, info);
            return observation;
        }
        steps++;
        String wanted = Feedback.normalize(action == null ? "" : action.text());
        Command command = null;
        for (Command valid : Rules.valid(state)) {
            if (valid.text().equals(wanted)) {
                command = valid;
                break;
            }
        }
        String text;
        String event;
        String feedback = "";
        if (command == null) {
            feedback = Feedback.explain(state, wanted);
            text = "Nothing happens. (" + feedback + ")";
            event = "invalid";
        } else {
            text = Rules.apply(state, command);
            event = command.verb().id();
        }
        double reward = 0.0;
        if (command != null && goal.isMet(state)) {
            done = true;
            reward = 1.0;
            text += "\n\nYou have completed the task.";
        } else if (steps >= maxSteps) {
            done = true;
            text += "\n\nYou have run out of steps (" + maxSteps + ") without completing the task.";
        }
        observation = render(text, event, feedback, reward);
        return observation;
    }

    private Observation render(String text, String event, String feedback, double reward) {
        List<Action> actions = new ArrayList<>();
        if (!done) {
            for (Command command : Rules.valid(state)) {
                actions.add(command.action());
            }
        }
        Map<String, String> info = new LinkedHashMap<>();
        int at = state.at();
        info.put("room", world.room().name());
        info.put("page", at < 0 ? "middle" : world.receptacles().get(at).type());
        info.put("location", at < 0 ? "middle" : world.receptacles().get(at).name());
        info.put("holding", state.held() < 0 ? "nothing" : world.items().get(state.held()).type());
        info.put("event", event);
        info.put("step", Integer.toString(steps));
        if (!feedback.isEmpty()) {
            info.put(Observation.FEEDBACK, feedback);
        }
        return new Observation(text, actions, List.of(), done, reward, info);
    }

    @Override
    public boolean supportsSnapshot() {
        return true;
    }

    @Override
    public EpisodeSnapshot snapshot() {
        return new HouseholdSnapshot(world, task.id(), state.copy(), steps, observation, done);
    }

    @Override
    public void restore(EpisodeSnapshot snapshot) {
        if (!(snapshot instanceof HouseholdSnapshot s)) {
            throw new IllegalArgumentException("not a snapshot of a household episode: "
                    + (snapshot == null ? "null" : snapshot.getClass().getName()));
        }
        if (s.world() != world || !s.taskId().equals(task.id())) {
            throw new IllegalArgumentException("snapshot " + s + " is from another task or world than the episode of "
                    + task.id());
        }
        state = s.state().copy();
        steps = s.steps();
        observation = s.observation();
        done = s.done();
    }
}
