package dev.kaizen.eto;

import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.ObservationSimilarity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GiGPO's anchor states: which steps of a group were taken from the same state. By identity, equal
 * observations (text and actions) are one state. By similarity, for environments whose observations
 * seldom repeat word for word (a step counter, a clock, the agent's own history in the text), the
 * group's distinct observations, in the order first met, each join the first anchor whose first
 * observation {@link ObservationSimilarity} rates at least {@code threshold} alike, else start an
 * anchor of their own; equal observations always share one. Comparing with each anchor's first
 * observation keeps the grouping independent of how many steps an anchor has gathered, and costs at
 * most (distinct observations × anchors) similarity calls per group. Stateless.
 */
final class AnchorStates {

    private AnchorStates() {
    }

    /**
     * @param observations each trajectory's observations, one per step (the state each step was taken from)
     * @return each trajectory's state keys, one per step: equal keys are the same state
     */
    static List<List<?>> byIdentity(List<List<Observation>> observations) {
        List<List<?>> states = new ArrayList<>();
        for (List<Observation> trajectory : observations) {
            states.add(trajectory.stream().map(AnchorStates::key).toList());
        }
        return states;
    }

    /**
     * @param observations each trajectory's observations, one per step (the state each step was taken from)
     * @param threshold the least similarity, in (0, 1], at which an observation joins an anchor
     * @return each trajectory's anchor numbers, one per step: equal numbers are the same anchor state
     */
    static List<List<?>> bySimilarity(List<List<Observation>> observations, ObservationSimilarity similarity,
                                      double threshold) {
        Map<List<Object>, Integer> anchorOf = new HashMap<>();
        List<Observation> firsts = new ArrayList<>();
        List<List<?>> anchors = new ArrayList<>();
        for (List<Observation> trajectory : observations) {
            List<Integer> numbers = new ArrayList<>(trajectory.size());
            for (Observation observation : trajectory) {
                numbers.add(anchorOf.computeIfAbsent(key(observation),
                        key -> join(observation, firsts, similarity, threshold)));
            }
            anchors.add(numbers);
        }
        return anchors;
    }

    /** An observation's identity: its text and its actions. */
    private static List<Object> key(Observation observation) {
        return List.of(observation.text(), observation.actions());
    }

    private static int join(Observation observation, List<Observation> firsts, ObservationSimilarity similarity,
                            double threshold) {
        for (int anchor = 0; anchor < firsts.size(); anchor++) {
            if (similarity.between(firsts.get(anchor), observation) >= threshold) {
                return anchor;
            }
        }
        firsts.add(observation);
        return firsts.size() - 1;
    }
}
