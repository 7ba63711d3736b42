package dev.kaizen.eto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Group-relative advantages of one task's group of G trajectories (GRPO, Shao et al. 2024), and,
 * with step groups, GiGPO's step-level ones (Feng et al. 2025).
 * <ul>
 *   <li>Episode advantage: {@code A_E(i) = (R_i − mean R) / (std R + ε)} over the group, or
 *       {@code R_i − mean R} without the std scaling (Dr. GRPO); every step of episode {@code i}
 *       gets it. A group of one, or one whose scores are all equal, gives 0.
 *   <li>Step advantage (step groups): steps taken from the same state (equal keys) anywhere in the
 *       group form an anchor group; a step's discounted return {@code G_t = Σ_{k≥t} γ^{k−t} r_k}
 *       is compared within its anchor group the same way, and the step's advantage becomes
 *       {@code A_E + ω · A_S}. A state visited once gives {@code A_S = 0}.
 * </ul>
 * The standard deviation is the sample one ({@code n − 1}), as TRL's and verl's are. Stateless.
 */
final class GroupAdvantages {

    /** Added to a standard deviation before dividing by it. */
    static final double EPSILON = 1e-4;

    /**
     * @param scaleByStd divide by the group's standard deviation (GRPO) or not (Dr. GRPO)
     * @param stepGroups add GiGPO's step-level advantage
     * @param stepWeight ω, the weight of the step-level advantage
     * @param discount γ of the step returns
     */
    record Settings(boolean scaleByStd, boolean stepGroups, double stepWeight, double discount) {
    }

    /**
     * @param advantages per trajectory, per step
     * @param degenerate whether the episode advantages are all 0 (one trajectory, or equal scores)
     * @param anchorSizes the sizes of the anchor groups of two or more steps, in the order first met
     */
    record Result(List<double[]> advantages, boolean degenerate, List<Integer> anchorSizes) {
    }

    private GroupAdvantages() {
    }

    /**
     * @param scores each trajectory's episode score
     * @param stepRewards each trajectory's step rewards (for step returns)
     * @param states each trajectory's state keys, one per step: equal keys are the same state
     */
    static Result of(double[] scores, List<double[]> stepRewards, List<List<?>> states, Settings settings) {
        int n = scores.length;
        if (stepRewards.size() != n || states.size() != n) {
            throw new IllegalArgumentException("scores, step rewards and states must cover the same " + n
                    + " trajectories");
        }
        double[] episode = relative(scores, settings.scaleByStd());
        boolean degenerate = true;
        List<double[]> advantages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (stepRewards.get(i).length != states.get(i).size()) {
                throw new IllegalArgumentException("trajectory " + i + " has " + stepRewards.get(i).length
                        + " step rewards and " + states.get(i).size() + " states");
            }
            degenerate &= episode[i] == 0;
            double[] perStep = new double[stepRewards.get(i).length];
            Arrays.fill(perStep, episode[i]);
            advantages.add(perStep);
        }
        List<Integer> anchorSizes = new ArrayList<>();
        if (settings.stepGroups()) {
            addStepAdvantages(stepRewards, states, settings, advantages, anchorSizes);
        }
        return new Result(advantages, degenerate, anchorSizes);
    }

    private static void addStepAdvantages(List<double[]> stepRewards, List<List<?>> states, Settings settings,
                                          List<double[]> advantages, List<Integer> anchorSizes) {
        Map<Object, List<int[]>> anchors = new LinkedHashMap<>();
        List<double[]> returns = new ArrayList<>();
        for (int i = 0; i < stepRewards.size(); i++) {
            returns.add(discountedReturns(stepRewards.get(i), settings.discount()));
            for (int t = 0; t < states.get(i).size(); t++) {
                anchors.computeIfAbsent(states.get(i).get(t), key -> new ArrayList<>()).add(new int[] {i, t});
            }
        }
        for (List<int[]> anchor : anchors.values()) {
            if (anchor.size() < 2) {
                continue;
            }
            anchorSizes.add(anchor.size());
            double[] values = new double[anchor.size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = returns.get(anchor.get(k)[0])[anchor.get(k)[1]];
            }
            double[] relative = relative(values, settings.scaleByStd());
            for (int k = 0; k < values.length; k++) {
                advantages.get(anchor.get(k)[0])[anchor.get(k)[1]] += settings.stepWeight() * relative[k];
            }
        }
    }

    /** {@code G_t = r_t + γ G_{t+1}}, from the last step back. */
    static double[] discountedReturns(double[] rewards, double discount) {
        double[] returns = new double[rewards.length];
        double next = 0;
        for (int t = rewards.length - 1; t >= 0; t--) {
            next = rewards[t] + discount * next;
            returns[t] = next;
        }
        return returns;
    }

    /** Each value against the others': minus the mean, divided by the sample std (+ ε) if asked; all 0 when the values are all equal. */
    static double[] relative(double[] values, boolean scaleByStd) {
        double[] out = new double[values.length];
        if (Arrays.stream(values).distinct().count() < 2) {
            return out;
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(squares / (values.length - 1));
        for (int i = 0; i < values.length; i++) {
            double centred = values[i] - mean;
            out[i] = scaleByStd ? centred / (std + EPSILON) : centred;
        }
        return out;
    }
}
