package dev.kaizen.eto;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.TrainablePolicy;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far preference training moved a policy from its reference on the pairs it trained on:
 * the sequence log-probabilities {@code log π(y|x)} of chosen and rejected continuations under both.
 */
final class PairDiagnostics {

    /** Contexts scored per {@code logProbabilities} call. */
    private static final int CHUNK = 1024;

    private PairDiagnostics() {
    }

    /** {@code log π(y|x)} of every pair's chosen ({@code [0][i]}) and rejected ({@code [1][i]}) continuation. */
    static double[][] sequenceLogProbabilities(TrainablePolicy policy, List<PreferencePair> pairs) {
        List<AgentContext> contexts = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            PreferencePair pair = pairs.get(i);
            add(pair.context(), pair.chosen(), 2 * i, contexts, actions, owners);
            add(pair.context(), pair.rejected(), 2 * i + 1, contexts, actions, owners);
        }
        int[] owner = owners.stream().mapToInt(Integer::intValue).toArray();
        double[][] sums = new double[2][pairs.size()];
        for (int from = 0; from < contexts.size(); from += CHUNK) {
            int to = Math.min(contexts.size(), from + CHUNK);
            double[] logProbabilities = policy.logProbabilities(contexts.subList(from, to), actions.subList(from, to));
            for (int k = from; k < to; k++) {
                sums[owner[k] % 2][owner[k] / 2] += logProbabilities[k - from];
            }
        }
        return sums;
    }

    private static void add(AgentContext context, List<Step> continuation, int id, List<AgentContext> contexts,
                            List<Action> actions, List<Integer> owners) {
        for (int j = 0; j < continuation.size(); j++) {
            contexts.add(PreferencePair.contextFor(context, continuation, j));
            actions.add(continuation.get(j).action());
            owners.add(id);
        }
    }

    /**
     * Figures comparing {@code before} (the reference) and {@code after} (the trained policy), both
     * from {@link #sequenceLogProbabilities}: mean chosen and rejected log-probabilities before and
     * after, the mean log-ratio margin {@code Δchosen − Δrejected} (the DPO implicit reward margin
     * divided by β), and the share of pairs whose margin is positive.
     */
    static Map<String, Object> figures(double[][] before, double[][] after) {
        int n = before[0].length;
        double chosenBefore = 0;
        double chosenAfter = 0;
        double rejectedBefore = 0;
        double rejectedAfter = 0;
        double margin = 0;
        int positive = 0;
        for (int i = 0; i < n; i++) {
            chosenBefore += before[0][i];
            chosenAfter += after[0][i];
            rejectedBefore += before[1][i];
            rejectedAfter += after[1][i];
            double m = (after[0][i] - before[0][i]) - (after[1][i] - before[1][i]);
            margin += m;
            positive += m > 0 ? 1 : 0;
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        double d = Math.max(1, n);
        figures.put("chosenLogProbBefore", chosenBefore / d);
        figures.put("chosenLogProbAfter", chosenAfter / d);
        figures.put("rejectedLogProbBefore", rejectedBefore / d);
        figures.put("rejectedLogProbAfter", rejectedAfter / d);
        figures.put("logRatioMargin", margin / d);
        figures.put("pairAccuracy", positive / d);
        return figures;
    }
}
