package dev.kaizen.eto;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kaizen.api.critic.CriticConfig;
import dev.kaizen.api.method.TrainingMethodConfig;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.reward.RewardModelConfig;
import dev.kaizen.api.search.SearchAlgorithmConfig;

/**
 * Config of the {@code grpo} method (group-relative policy optimisation; GiGPO with
 * {@code stepGroups: true}). Nested parts left out of the recipe default to {@code {type: bc}},
 * {@code {type: sample, samples: 8}}, {@code {type: none}} and {@code {type: grpo}}.
 *
 * @param demonstrations how many training tasks to collect expert demonstrations for; the warm-up
 *     trains on them (as the host's {@code bc} method does). 0: no warm-up and no expert needed, the
 *     rounds start from the policy as built (or from {@code checkpoint})
 * @param optimizer the warm-up optimiser (behaviour cloning on the demonstrations)
 * @param checkpoint a policy checkpoint directory to start from instead of the warm-up; null for the warm-up
 * @param iterations rounds of sample groups → advantages → policy update; the last one is the stage {@code final}
 * @param explorationTasks how many tasks of the exploration pool a round samples a group for
 * @param explorer the search that samples each task's group: its G trajectories are the group
 *     (e.g. {@code {type: sample, samples: 8}})
 * @param critic the critic the explorer uses, if it uses one
 * @param update the policy-gradient optimiser, given trajectories whose step rewards are the advantages
 *     (e.g. {@code grpo})
 * @param reward a reward model scoring the trajectories instead of the environment (its outcome
 *     reward is the episode score, its step rewards give the step returns); null for the environment's
 * @param scaleByStd divide advantages by their group's standard deviation (GRPO, the default) or
 *     not (Dr. GRPO)
 * @param stepGroups add GiGPO's step-level advantage from anchor states (steps taken from the same
 *     observation, its text and actions, in different trajectories of the group)
 * @param stepWeight ω, the weight of the step-level advantage (default 1)
 * @param discount γ of the step returns the anchor groups compare (default 0.95)
 * @param anchorSimilarity with step groups, the least similarity at which the environment's
 *     {@code ObservationSimilarity} puts two observations in one anchor state ({@link AnchorStates}),
 *     in (0, 1]; null (the default) for identity: the same text and actions, as in GiGPO
 * @param explorationPool which tasks a round samples: {@code train} (the default) or {@code demonstrations}
 */
public record GrpoConfig(Integer demonstrations,
                         @JsonProperty(defaultValue = "{type: " + Parts.BC + "}") OptimizerConfig optimizer,
                         String checkpoint, Integer iterations, Integer explorationTasks,
                         @JsonProperty(defaultValue = "{type: " + Parts.SAMPLE + ", samples: 8}")
                         SearchAlgorithmConfig explorer,
                         @JsonProperty(defaultValue = "{type: " + Parts.NONE + "}") CriticConfig critic,
                         @JsonProperty(defaultValue = "{type: " + Parts.GRPO + "}") OptimizerConfig update,
                         RewardModelConfig reward, Boolean scaleByStd, Boolean stepGroups, Double stepWeight,
                         Double discount, Double anchorSimilarity, String explorationPool)
        implements TrainingMethodConfig, ExplorationRounds.Settings {

    public GrpoConfig {
        demonstrations = demonstrations == null ? WarmStart.DEFAULT_DEMONSTRATIONS : demonstrations;
        iterations = iterations == null ? 3 : iterations;
        explorationTasks = explorationTasks == null ? 500 : explorationTasks;
        scaleByStd = scaleByStd == null ? Boolean.TRUE : scaleByStd;
        stepGroups = stepGroups == null ? Boolean.FALSE : stepGroups;
        stepWeight = stepWeight == null ? 1.0 : stepWeight;
        discount = discount == null ? 0.95 : discount;
        explorationPool = ExplorationPool.of(explorationPool).id();
        WarmStart.validateExpertFree("grpo", demonstrations, checkpoint, iterations, explorationTasks);
        if (demonstrations == 0 && explorationPool.equals(ExplorationPool.DEMONSTRATIONS.id())) {
            throw new IllegalArgumentException("method.explorationPool: " + explorationPool + " explores the"
                    + " demonstrated tasks, but method.demonstrations is 0; use explorationPool: "
                    + ExplorationPool.TRAIN.id() + " or ask for demonstrations");
        }
        if (!(stepWeight >= 0) || stepWeight.isInfinite()) {
            throw new IllegalArgumentException("method.stepWeight must be a finite number >= 0 (ω, the weight of the"
                    + " step-level advantage), got " + stepWeight);
        }
        if (!(discount > 0 && discount <= 1)) {
            throw new IllegalArgumentException("method.discount must be in (0, 1] (γ of the step returns), got "
                    + discount);
        }
        if (anchorSimilarity != null && !(anchorSimilarity > 0 && anchorSimilarity <= 1)) {
            throw new IllegalArgumentException("method.anchorSimilarity must be in (0, 1] (the least similarity of"
                    + " two observations in one anchor state), got " + anchorSimilarity + "; leave it out for identity");
        }
        if (anchorSimilarity != null && !stepGroups) {
            throw new IllegalArgumentException("method.anchorSimilarity groups the steps of GiGPO's anchor states;"
                    + " set method.stepGroups: true to use it, or leave it out");
        }
    }

    /** The advantage settings. */
    GroupAdvantages.Settings advantages() {
        return new GroupAdvantages.Settings(scaleByStd, stepGroups, stepWeight, discount);
    }

    /** The defaults. */
    public GrpoConfig() {
        this(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
