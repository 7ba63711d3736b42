package dev.kaizen.agentq.mcts;

import java.util.Comparator;
import java.util.List;

/**
 * UCB1 selection and the commit rules over a node's children.
 *
 * <p>Selection: {@code a* = argmax_a [ Q(h,a) + c_exp · sqrt( ln N(h) / (1 + N(h,a)) ) ]}, with
 * {@code ln N(h)} taken as 0 while {@code N(h) = 0}. Ties (within {@value #TIE}) — in particular all
 * the unvisited children of a fresh node — go to the child the critic scored higher, then to the
 * earlier proposal.
 */
final class Ucb1 {

    /** Values closer than this count as equal. */
    static final double TIE = 1e-12;

    private static final Comparator<Edge> CRITIC_ORDER = Comparator.comparingDouble(Edge::criticScore).reversed()
            .thenComparingInt(Edge::proposalIndex);

    private Ucb1() {
    }

    /** The UCB1 value of a child of a node visited {@code parentVisits} times. */
    static double value(Edge child, int parentVisits, double cExp) {
        double logN = Math.log(Math.max(1, parentVisits));
        return child.value() + cExp * Math.sqrt(logN / (1.0 + child.visits()));
    }

    /** The child to simulate next. */
    static Edge select(List<Edge> children, int parentVisits, double cExp) {
        Edge best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (Edge child : children) {
            double v = value(child, parentVisits, cExp);
            if (best == null || v > bestValue + TIE
                    || (Math.abs(v - bestValue) <= TIE && CRITIC_ORDER.compare(child, best) < 0)) {
                best = child;
                bestValue = v;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no children to select from");
        }
        return best;
    }

    /**
     * The child a real step commits to, among the visited ones: by {@code visits} (then value) or by
     * {@code value} (then visits); then the critic's order. Null if no child was visited.
     */
    static Edge commit(List<Edge> children, String rule) {
        Comparator<Edge> byVisits = Comparator.comparingInt(Edge::visits);
        Comparator<Edge> byValue = Comparator.comparingDouble(Edge::value);
        Comparator<Edge> primary = MctsConfig.COMMIT_VALUE.equals(rule)
                ? byValue.thenComparing(byVisits) : byVisits.thenComparing(byValue);
        Comparator<Edge> order = primary.reversed().thenComparing(CRITIC_ORDER);
        return children.stream().filter(e -> e.visits() > 0).min(order).orElse(null);
    }
}
