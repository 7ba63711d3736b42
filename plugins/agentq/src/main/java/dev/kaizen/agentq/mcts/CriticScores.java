package dev.kaizen.agentq.mcts;

import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.env.Action;
import java.util.List;

/** Checks what a critic returned: one row per context, one score in [0, 1] per candidate, or a null row. */
final class CriticScores {

    private CriticScores() {
    }

    /**
     * @throws IllegalStateException naming the critic if its answer does not fit the candidates; a
     *     null row (the critic could not judge that context) is allowed
     */
    static void check(Critic critic, List<double[]> scores, List<List<Action>> candidates) {
        String who = "critic " + critic.getClass().getName();
        if (scores == null || scores.size() != candidates.size()) {
            throw new IllegalStateException(who + " returned " + (scores == null ? "null" : scores.size())
                    + " score lists for " + candidates.size() + " contexts");
        }
        for (int i = 0; i < scores.size(); i++) {
            double[] row = scores.get(i);
            if (row == null) {
                continue;
            }
            if (row.length != candidates.get(i).size()) {
                throw new IllegalStateException(who + " returned " + row.length + " scores for "
                        + candidates.get(i).size() + " candidates");
            }
            for (double v : row) {
                if (!(v >= 0 && v <= 1)) {
                    throw new IllegalStateException(who + " returned the score " + v + "; scores must be in [0, 1]");
                }
            }
        }
    }
}
