package dev.kaizen.rememberer.advice;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.policy.ActionValue;
import dev.kaizen.api.policy.Advice;
import dev.kaizen.api.policy.AgentContext;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts what advice did: how many contexts got any, how similar it was, whether the advised
 * actions exist on the current page at all (actions are matched by text, so advice about another
 * task's product ids cannot apply), and whether the policy then followed it. Not thread-safe.
 */
public final class AdviceStatistics {

    private long contexts;
    private long advised;
    private double topSimilarity;
    private long encouragedApplicable;
    private long discouragedApplicable;
    private long followedEncouraged;
    private long chosenDiscouraged;

    /** Counts one decision taken in {@code context} (as advised) with {@code chosen}. */
    void count(AgentContext context, Action chosen) {
        contexts++;
        List<Advice> advice = context.advice();
        if (advice.isEmpty()) {
            return;
        }
        advised++;
        topSimilarity += advice.get(0).similarity();
        Set<Action> available = new HashSet<>(context.observation().actions());
        Set<Action> encouraged = new HashSet<>();
        Set<Action> discouraged = new HashSet<>();
        for (Advice a : advice) {
            for (ActionValue value : a.encouraged()) {
                encouraged.add(value.action());
            }
            for (ActionValue value : a.discouraged()) {
                discouraged.add(value.action());
            }
        }
        if (encouraged.stream().anyMatch(a -> available.contains(a) || context.observation().allows(a))) {
            encouragedApplicable++;
        }
        if (discouraged.stream().anyMatch(a -> available.contains(a) || context.observation().allows(a))) {
            discouragedApplicable++;
        }
        if (chosen != null && encouraged.contains(chosen)) {
            followedEncouraged++;
        }
        if (chosen != null && discouraged.contains(chosen) && !encouraged.contains(chosen)) {
            chosenDiscouraged++;
        }
    }

    /**
     * The counts so far as shares, for a metrics event, and starts counting afresh:
     * {@code contexts}, {@code advisedShare}, {@code meanTopSimilarity}, {@code encouragedApplicableShare},
     * {@code discouragedApplicableShare} (shares of advised contexts where an advised action is valid
     * on the current page), {@code followedEncouragedShare}, {@code chosenDiscouragedShare} (shares of
     * advised contexts).
     */
    public Map<String, Double> drain() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("contexts", (double) contexts);
        out.put("advisedShare", share(advised, contexts));
        out.put("meanTopSimilarity", advised == 0 ? 0.0 : topSimilarity / advised);
        out.put("encouragedApplicableShare", share(encouragedApplicable, advised));
        out.put("discouragedApplicableShare", share(discouragedApplicable, advised));
        out.put("followedEncouragedShare", share(followedEncouraged, advised));
        out.put("chosenDiscouragedShare", share(chosenDiscouraged, advised));
        contexts = 0;
        advised = 0;
        topSimilarity = 0;
        encouragedApplicable = 0;
        discouragedApplicable = 0;
        followedEncouraged = 0;
        chosenDiscouraged = 0;
        return out;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0.0 : part / (double) whole;
    }
}
