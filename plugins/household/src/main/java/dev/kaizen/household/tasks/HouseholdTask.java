package dev.kaizen.household.tasks;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Task;
import dev.kaizen.household.goal.Goal;
import dev.kaizen.household.world.World;

/**
 * A task with its ground truth: the world it starts in and the goal its instruction states.
 *
 * @param task what the agent is given
 * @param goal what the instruction asks, checked after every step
 * @param world the room at the start
 * @param expertSteps how many actions the expert's plan takes
 */
public record HouseholdTask(Task task, Goal goal, World world, int expertSteps) {

    public HouseholdTask {
        requireNonNull(task, "task is null");
        requireNonNull(goal, "goal is null");
        requireNonNull(world, "world is null");
    }
}
