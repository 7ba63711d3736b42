package dev.kaizen.agentq.pairs;

import dev.kaizen.api.search.ActionStatistics;
import dev.kaizen.api.search.NodeStatistics;
import dev.kaizen.api.search.SearchResult;
import dev.kaizen.api.trajectory.PreferencePair;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds step-level preference pairs from the nodes of search trees. At every expanded node, every
 * pair of explored siblings (at least {@code minVisits} visits each) whose preference values
 * {@code Q_pref(h, a) = α·Q(h, a) + (1−α)·Q̂(h, a)} differ by at least {@code θ} (and by more than
 * zero) gives {@code (h, a_w ≻ a_l)} with margin {@code Q_pref(h, a_w) − Q_pref(h, a_l)}. With
 * {@code bestOnly}, only the explored children with the highest preference value at a node are
 * chosen (against every sibling at least {@code θ} below them). Immutable and thread-safe.
 *
 * @param alpha the weight of the search's value against the critic's score, in [0, 1]
 * @param theta the smallest difference of preference values that makes a pair, {@code >= 0}
 * @param minVisits the visits a child needs to count as explored, {@code >= 1}
 * @param bestOnly whether only a node's best children are chosen (else every better sibling is)
 */
public record StepPairExtractor(double alpha, double theta, int minVisits, boolean bestOnly) {

    /** Differences this close to {@code θ} count as reaching it (rounding). */
    private static final double EPSILON = 1e-9;

    public StepPairExtractor {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }
        if (!(theta >= 0) || Double.isInfinite(theta)) {
            throw new IllegalArgumentException("theta must be a finite number >= 0, got " + theta);
        }
        if (minVisits < 1) {
            throw new IllegalArgumentException("minVisits must be >= 1, got " + minVisits);
        }
    }

    /** Every pair of explored siblings (the paper's rule). */
    public StepPairExtractor(double alpha, double theta, int minVisits) {
        this(alpha, theta, minVisits, false);
    }

    /** {@code α·q + (1−α)·criticScore}. */
    public static double preferenceValue(double alpha, double q, double criticScore) {
        return alpha * q + (1 - alpha) * criticScore;
    }

    /** The preference value of a child under this extractor's {@code α}. */
    public double preferenceValue(ActionStatistics action) {
        return preferenceValue(alpha, action.value(), action.criticScore());
    }

    /** The pairs of one node, siblings in their listed order (the earlier one first). */
    public List<PreferencePair> pairs(NodeStatistics node) {
        List<ActionStatistics> explored = node.actions().stream().filter(a -> a.visits() >= minVisits).toList();
        double best = explored.stream().mapToDouble(this::preferenceValue).max().orElse(0);
        List<PreferencePair> out = new ArrayList<>();
        for (int i = 0; i < explored.size(); i++) {
            for (int j = i + 1; j < explored.size(); j++) {
                ActionStatistics a = explored.get(i);
                ActionStatistics b = explored.get(j);
                double difference = preferenceValue(a) - preferenceValue(b);
                double margin = Math.abs(difference);
                if (margin <= 0 || margin < theta - EPSILON) {
                    continue;
                }
                ActionStatistics chosen = difference > 0 ? a : b;
                ActionStatistics rejected = difference > 0 ? b : a;
                if (bestOnly && preferenceValue(chosen) < best - EPSILON) {
                    continue;
                }
                out.add(PreferencePair.ofSteps(node.context(), chosen.step(), rejected.step(), margin));
            }
        }
        return out;
    }

    /** The pairs of every node, node by node. */
    public List<PreferencePair> pairs(List<NodeStatistics> nodes) {
        List<PreferencePair> out = new ArrayList<>();
        for (NodeStatistics node : nodes) {
            out.addAll(pairs(node));
        }
        return out;
    }

    /** The pairs of every node of every result, result by result. */
    public List<PreferencePair> fromResults(List<SearchResult> results) {
        List<PreferencePair> out = new ArrayList<>();
        for (SearchResult result : results) {
            out.addAll(pairs(result.nodes()));
        }
        return out;
    }
}
