package dev.kaizen.rememberer.memory;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.api.trajectory.TrajectorySource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-built episodes for memory tests. */
final class Experiences {

    private Experiences() {
    }

    static Observation page(String text, String pageType) {
        return new Observation(text, List.of(Action.of("click[a]"), Action.of("click[b]")), List.of(), false, 0.0,
                Map.of("page", pageType));
    }

    static Task task(String instruction) {
        return new Task("t-" + Integer.toHexString(instruction.hashCode()), Split.TRAIN, instruction);
    }

    /**
     * An episode: alternating observation text and action text, then the step rewards in order, e.g.
     * {@code episode("g", List.of("o0", "a", "o1", "b"), 0.0, 1.0)}.
     */
    static Trajectory episode(String instruction, List<String> observationsAndActions, double... rewards) {
        Task task = task(instruction);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < rewards.length; i++) {
            steps.add(new Step(page(observationsAndActions.get(2 * i), "p"),
                    Action.of(observationsAndActions.get(2 * i + 1)), rewards[i]));
        }
        double total = 0;
        for (double r : rewards) {
            total += r;
        }
        return Trajectory.of(task, steps, total, TrajectorySource.AGENT);
    }

    static AgentContext context(String instruction, Observation observation) {
        return AgentContext.start(task(instruction), observation);
    }
}
