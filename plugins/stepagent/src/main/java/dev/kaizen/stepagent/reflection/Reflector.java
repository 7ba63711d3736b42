package dev.kaizen.stepagent.reflection;

import dev.kaizen.api.policy.Policy;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.List;
import java.util.Map;

/**
 * StepAgent's reflection: updates the policy from the inspection's expert-vs-agent step pairs.
 * One instance serves one iteration; not thread-safe.
 */
public interface Reflector {

    /**
     * Trains {@code policy} in place.
     *
     * @param stage the stage name, for seeds ({@code STAGE/...}), labels and file names
     * @param policy the policy to train
     * @param pairs the inspection's pairs: expert step chosen, agent step rejected
     * @param demonstrations the expert trajectories the pairs were cut from
     * @return figures for the run's metrics (counts, losses, rewards)
     */
    Map<String, Object> reflect(String stage, Policy policy, List<PreferencePair> pairs,
                                List<Trajectory> demonstrations) throws Exception;
}
