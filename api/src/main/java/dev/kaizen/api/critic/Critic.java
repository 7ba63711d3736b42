package dev.kaizen.api.critic;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.policy.AgentContext;
import java.util.List;

/**
 * Scores candidate actions for a context: a higher score means a more promising action. Rank-based
 * critics turn ranks into scores, by default {@code 1 − rank/(K−1)} (best 1, worst 0).
 *
 * <p>Used from one thread at a time; the creator closes it.
 */
public interface Critic extends AutoCloseable {

    /**
     * Scores, in [0, 1], for each context's candidates: {@code result.get(i)[j]} scores
     * {@code candidates.get(i).get(j)} in {@code contexts.get(i)}. A null row says the critic could
     * not judge that context (e.g. its server failed after every retry); a search records that
     * episode as errored ({@link dev.kaizen.api.trajectory.ErrorCause#OTHER}).
     */
    List<double[]> score(List<AgentContext> contexts, List<List<Action>> candidates);

    @Override
    default void close() {
    }
}
