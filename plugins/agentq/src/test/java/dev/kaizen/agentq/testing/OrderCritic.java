package dev.kaizen.agentq.testing;

import dev.kaizen.api.critic.Critic;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.policy.AgentContext;
import java.util.ArrayList;
import java.util.List;

/** Ranks candidates in the order given: {@code 1 − j/(K−1)}; counts the contexts it scored. */
public final class OrderCritic implements Critic {

    private int contexts;

    public int contexts() {
        return contexts;
    }

    @Override
    public List<double[]> score(List<AgentContext> contextList, List<List<Action>> candidates) {
        contexts += contextList.size();
        List<double[]> out = new ArrayList<>();
        for (List<Action> list : candidates) {
            double[] scores = new double[list.size()];
            for (int j = 0; j < scores.length; j++) {
                scores[j] = scores.length == 1 ? 1.0 : 1.0 - j / (double) (scores.length - 1);
            }
            out.add(scores);
        }
        return out;
    }
}
