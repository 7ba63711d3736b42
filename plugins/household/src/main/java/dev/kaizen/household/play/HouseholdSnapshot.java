package dev.kaizen.household.play;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.EpisodeSnapshot;
import dev.kaizen.api.env.Observation;
import dev.kaizen.household.world.World;
import dev.kaizen.household.world.WorldState;

/**
 * An episode's state: a private copy of the world state, the step count and the observation shown.
 * Immutable (nothing changes the copy it holds) and a few hundred bytes.
 *
 * @param world the world it belongs to
 * @param taskId the task it belongs to
 * @param state the world state (never handed out: restoring copies it)
 * @param steps steps taken
 * @param observation the observation at that state
 * @param done whether the episode had ended
 */
record HouseholdSnapshot(World world, String taskId, WorldState state, int steps, Observation observation,
                         boolean done) implements EpisodeSnapshot {

    HouseholdSnapshot {
        requireNonNull(world, "world is null");
        requireNonNull(taskId, "taskId is null");
        requireNonNull(state, "state is null");
        requireNonNull(observation, "observation is null");
    }

    @Override
    public String toString() {
        return "HouseholdSnapshot[" + taskId + " step " + steps + (done ? " done" : "") + "]";
    }
}
