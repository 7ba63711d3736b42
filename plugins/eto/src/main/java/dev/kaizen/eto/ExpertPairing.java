package dev.kaizen.eto;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ETO's pairing rule: an explored trajectory against the expert trajectory of the same task.
 *
 * <ul>
 *   <li>explored reward below the expert's: the expert trajectory is chosen, the explored one rejected;
 *   <li>explored reward above the expert's: the explored trajectory is chosen, the expert one rejected;
 *   <li>equal rewards (within {@link #TIE_TOLERANCE}): no pair.
 * </ul>
 * The rejected trajectory is cut to {@code length(expert) + truncationSlack} steps; the margin is
 * the reward difference. Explored trajectories without steps, or that ended abnormally (an
 * exception, a policy with no action), give no pair; a pair identical to one already made for the
 * task (same chosen and rejected actions) is not repeated. Stateless and thread-safe.
 */
public final class ExpertPairing {

    /** Rewards closer than this count as equal. */
    public static final double TIE_TOLERANCE = 1e-9;

    private final int truncationSlack;

    /**
     * @param truncationSlack how many steps beyond the expert's length a rejected trajectory keeps, {@code >= 0}
     */
    public ExpertPairing(int truncationSlack) {
        if (truncationSlack < 0) {
            throw new IllegalArgumentException("truncationSlack must be >= 0, got " + truncationSlack);
        }
        this.truncationSlack = truncationSlack;
    }

    /** The pairs of one iteration and how each explored trajectory was treated. */
    public record Result(List<PreferencePair> pairs, int expertChosen, int agentChosen, int ties,
                         int duplicates, int unusable, int truncated) {

        public Result {
            pairs = List.copyOf(requireNonNull(pairs, "pairs is null"));
        }

        /** Explored trajectories considered. */
        public int considered() {
            return expertChosen + agentChosen + ties + duplicates + unusable;
        }

        /** The mean margin of the pairs, 0 if there are none. */
        public double meanMargin() {
            return pairs.stream().mapToDouble(PreferencePair::margin).average().orElse(0.0);
        }
    }

    /**
     * Pairs every explored trajectory of one task with that task's expert trajectory.
     *
     * @param expert the expert trajectory (non-empty)
     * @param explored trajectories of the same task, in the order the explorer produced them
     * @throws IllegalArgumentException if a trajectory belongs to another task, or the expert has no steps
     */
    public Result pair(Trajectory expert, List<Trajectory> explored) {
        requireNonNull(expert, "expert is null");
        requireNonNull(explored, "explored is null");
        if (expert.steps().isEmpty()) {
            throw new IllegalArgumentException("the expert trajectory of task " + expert.task().id() + " has no steps");
        }
        int maxRejectedSteps = expert.length() + truncationSlack;
        List<PreferencePair> pairs = new ArrayList<>();
        Set<List<List<Action>>> seen = new HashSet<>();
        int expertChosen = 0;
        int agentChosen = 0;
        int ties = 0;
        int duplicates = 0;
        int unusable = 0;
        int truncated = 0;
        for (Trajectory agent : explored) {
            if (!agent.task().id().equals(expert.task().id())) {
                throw new IllegalArgumentException("explored trajectory of task " + agent.task().id()
                        + " paired with the expert trajectory of task " + expert.task().id());
            }
            if (agent.steps().isEmpty() || agent.error() != null) {
                unusable++;
                continue;
            }
            double difference = agent.reward() - expert.reward();
            if (Math.abs(difference) <= TIE_TOLERANCE) {
                ties++;
                continue;
            }
            boolean expertBetter = difference < 0;
            Trajectory chosen = expertBetter ? expert : agent;
            Trajectory rejected = expertBetter ? agent : expert;
            Trajectory cut = rejected.truncate(maxRejectedSteps);
            if (!seen.add(List.of(actions(chosen.steps()), actions(cut.steps())))) {
                duplicates++;
                continue;
            }
            if (cut.length() < rejected.length()) {
                truncated++;
            }
            pairs.add(PreferencePair.ofTrajectories(chosen, cut, Math.abs(difference)));
            if (expertBetter) {
                expertChosen++;
            } else {
                agentChosen++;
            }
        }
        return new Result(pairs, expertChosen, agentChosen, ties, duplicates, unusable, truncated);
    }

    /** Combines the results of several tasks. */
    public static Result combine(List<Result> results) {
        List<PreferencePair> pairs = new ArrayList<>();
        int[] counts = new int[6];
        for (Result r : results) {
            pairs.addAll(r.pairs());
            counts[0] += r.expertChosen();
            counts[1] += r.agentChosen();
            counts[2] += r.ties();
            counts[3] += r.duplicates();
            counts[4] += r.unusable();
            counts[5] += r.truncated();
        }
        return new Result(pairs, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
    }

    private static List<Action> actions(List<Step> steps) {
        return steps.stream().map(Step::action).toList();
    }
}
