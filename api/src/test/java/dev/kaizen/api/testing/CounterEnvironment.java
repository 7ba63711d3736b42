package dev.kaizen.api.testing;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.EpisodeSnapshot;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny deterministic environment: set a counter to a target, then submit.
 *
 * <p>Actions: {@code click[+1]}, {@code click[-1]}, {@code click[submit]} and the template
 * {@code enter[{}]} (type a number). Submitting gives reward 1 if the counter equals the target,
 * else {@code 0.5·max(0, 1 − |value − target| / target)}. Train and seen targets are 1..5, unseen
 * targets 6..9. The expert clicks {@code +1} up to the target and submits. Thread-safe.
 */
public final class CounterEnvironment implements Environment {

    private final CounterEnvironmentConfig config;
    private final Map<Split, List<Task>> tasks = new EnumMap<>(Split.class);

    public CounterEnvironment(CounterEnvironmentConfig config) {
        this.config = config;
        tasks.put(Split.TRAIN, make(Split.TRAIN, config.train(), 1, 5));
        tasks.put(Split.SEEN, make(Split.SEEN, config.seen(), 1, 5));
        tasks.put(Split.UNSEEN, make(Split.UNSEEN, config.unseen(), 6, 9));
    }

    private static List<Task> make(Split split, int count, int low, int high) {
        List<Task> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int target = low + (i * 7 + split.ordinal()) % (high - low + 1);
            list.add(new Task(split.id() + "-" + i, split, "set the counter to " + target,
                    Map.of("target", Integer.toString(target))));
        }
        return List.copyOf(list);
    }

    /** The target of a task (visible in its instruction). */
    public static int target(Task task) {
        return Integer.parseInt(task.info().get("target"));
    }

    @Override
    public List<Task> tasks(Split split) {
        return tasks.get(split);
    }

    @Override
    public Episode reset(Task task, long seed) {
        if (!tasks.get(task.split()).contains(task)) {
            throw new IllegalArgumentException("not a task of this environment: " + task.id());
        }
        return new CounterEpisode(task);
    }

    @Override
    public Optional<Trajectory> demonstration(Task task) {
        try (Episode episode = reset(task, 0)) {
            List<Step> steps = new ArrayList<>();
            int target = target(task);
            for (int i = 0; i < target; i++) {
                Observation before = episode.observation();
                Action action = Action.of("click", "+1");
                Observation after = episode.step(action);
                steps.add(new Step(before, action, after.reward()));
            }
            Observation before = episode.observation();
            Action submit = Action.of("click", "submit");
            Observation after = episode.step(submit);
            steps.add(new Step(before, submit, after.reward()));
            return Optional.of(Trajectory.of(task, steps, after.reward(), TrajectorySource.EXPERT));
        }
    }

    private record State(int value, int steps, boolean done) implements EpisodeSnapshot {
    }

    private final class CounterEpisode implements Episode {
        private final Task task;
        private final int target;
        private State state = new State(0, 0, false);
        private Observation observation;

        CounterEpisode(Task task) {
            this.task = task;
            this.target = target(task);
            this.observation = render(0.0, "");
        }

        private Observation render(double reward, String feedback) {
            String text = "Instruction: " + task.instruction() + ". Value: " + state.value()
                    + (feedback.isEmpty() ? "" : ". " + feedback);
            List<Action> actions = state.done() ? List.of()
                    : List.of(Action.of("click", "+1"), Action.of("click", "-1"), Action.of("click", "submit"));
            List<String> templates = state.done() ? List.of() : List.of("enter[{}]");
            return new Observation(text, actions, templates, state.done(), reward,
                    feedback.isEmpty() ? Map.of() : Map.of(Observation.FEEDBACK, feedback));
        }

        @Override
        public Task task() {
            return task;
        }

        @Override
        public Observation observation() {
            return observation;
        }

        @Override
        public Observation step(Action action) {
            if (config.faultyTasks().contains(task.id())) {
                throw new IllegalStateException("task " + task.id() + " is configured to fail");
            }
            if (config.stepDelayMillis() > 0) {
                try {
                    Thread.sleep(config.stepDelayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (state.done()) {
                observation = render(0.0, "the episode has ended; no further actions");
                return observation;
            }
            int value = state.value();
            double reward = 0.0;
            boolean done = false;
            String feedback = "";
            switch (action.text()) {
                case "click[+1]" -> value++;
                case "click[-1]" -> value--;
                case "click[submit]" -> {
                    done = true;
                    reward = value == target ? 1.0 : 0.5 * Math.max(0.0, 1.0 - Math.abs(value - target) / (double) target);
                }
                default -> {
                    if (action.verb().equals("enter")) {
                        try {
                            value = Integer.parseInt(action.argument().trim());
                        } catch (NumberFormatException e) {
                            feedback = "invalid action: enter[...] needs a whole number, got '" + action.argument() + "'";
                        }
                    } else {
                        feedback = "invalid action '" + action.text() + "'; valid: click[+1], click[-1], click[submit], enter[N]";
                    }
                }
            }
            int steps = state.steps() + 1;
            if (!done && steps >= config.maxSteps()) {
                done = true;
                feedback = feedback.isEmpty() ? "out of steps" : feedback + "; out of steps";
            }
            state = new State(value, steps, done);
            observation = render(reward, feedback);
            return observation;
        }

        @Override
        public boolean supportsSnapshot() {
            return config.snapshots();
        }

        @Override
        public EpisodeSnapshot snapshot() {
            if (!config.snapshots()) {
                return Episode.super.snapshot();
            }
            return new SnapshotOf(task.id(), state, observation);
        }

        @Override
        public void restore(EpisodeSnapshot snapshot) {
            if (!config.snapshots()) {
                Episode.super.restore(snapshot);
            }
            if (!(snapshot instanceof SnapshotOf s) || !s.taskId().equals(task.id())) {
                throw new IllegalArgumentException("snapshot is not from this episode");
            }
            state = s.state();
            observation = s.observation();
        }
    }

    private record SnapshotOf(String taskId, State state, Observation observation) implements EpisodeSnapshot {
    }

    @Override
    public java.util.OptionalInt stepLimit() {
        return java.util.OptionalInt.of(config.maxSteps());
    }
}
