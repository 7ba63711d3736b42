package dev.kaizen.api.memory;

import dev.kaizen.api.Checkpointable;
import dev.kaizen.api.env.ObservationSimilarity;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Advice;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.List;

/**
 * An external memory of experiences keyed by (task instruction, observation), holding a value per
 * action tried there, learned from episode rewards (Rememberer). Its state is checkpointed with the
 * run; where its config names a path it also persists there, so a later run can start from it.
 *
 * <p>Used from one thread at a time; the creator closes it.
 */
public interface ExperienceMemory extends Checkpointable, AutoCloseable {

    /**
     * The {@code limit} most similar records for each context, most similar first.
     *
     * @param observationSimilarity the environment's comparison of observations
     */
    List<List<Advice>> retrieve(List<AgentContext> contexts, int limit, ObservationSimilarity observationSimilarity);

    /** Learns from finished episodes (e.g. an n-step Q-learning update of every step). */
    void update(List<Trajectory> trajectories);

    /** The number of records held. */
    int size();

    @Override
    default void close() {
    }
}
