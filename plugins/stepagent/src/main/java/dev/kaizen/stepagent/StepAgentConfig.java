package dev.kaizen.stepagent;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kaizen.api.method.TrainingMethodConfig;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.reward.RewardModelConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Config of the {@code stepagent} method.
 *
 * <p>Parts left out get their default type with that type's own defaults: {@code warmup}
 * {@code {type: bc}} and {@code reward} {@code {type: discriminator}} (declared, so the host fills
 * them into the resolved recipe); {@code optimizer} {@code {type: dpo}} for the implicit variant
 * and {@code {type: ppo}} for the inverse one (it depends on {@code reflection}, so it is filled
 * when the method is built). The reward model is used by the inverse variant only.
 *
 * @param reflection {@code implicit} (step-level DPO on the pairs) or {@code inverse} (reward
 *     model on the pairs, PPO on relabelled rollouts); default {@code implicit}
 * @param demonstrations how many training tasks (the first ones, capped by the split's size) give
 *     expert demonstrations, for the warm-up and for inspection (default 1000, as the host's {@code bc})
 * @param checkpoint a policy checkpoint directory to start from instead of the warm-up; null to warm up
 * @param warmup the behaviour-cloning optimiser of the warm-up
 * @param iterations rounds of inspection and reflection, each evaluated; the last stage is {@code final} (default 2)
 * @param inspection how the policy acts on the expert prefixes
 * @param aggregate whether each iteration's reflection uses the pairs of all inspections so far
 *     (aggregated, as in DAgger) instead of only its own (default true): the latest pairs show only
 *     the policy's current mistakes, and correcting those alone tends to swing it into the opposite ones
 * @param restart whether each iteration's reflection starts again from the baseline policy (after
 *     inspecting with the latest one), on the aggregated pairs (default false). With a preference
 *     optimiser whose reference is the policy it starts from, every iteration then solves one
 *     problem with the baseline as reference over all pairs so far, as DAgger retrains on its
 *     aggregate, instead of compounding one update on another. Needs {@code aggregate}. Not for
 *     on-policy optimisers such as PPO, whose rollouts come from the latest policy.
 * @param optimizer the reflection's optimiser
 * @param optimizerSchedule per-iteration overrides of {@code optimizer}'s fields (entry {@code i}
 *     for iteration {@code i + 1}; the last entry holds for later iterations), e.g. {@code [{}, {beta: 0.5}]}
 * @param reward the reward model of the inverse variant, fitted on the pairs every iteration
 * @param preference the inverse variant only: an optimiser that trains the policy on the pairs before
 *     the reward model is fitted (e.g. {@code {type: dpo}}), so that the {@code implicit} reward
 *     {@code β·log π/π_ref}, measured against the policy from before that training, feeds PPO; null
 *     (default) for none, as the discriminator needs
 * @param exploration the inverse variant's rollouts on training tasks
 */
public record StepAgentConfig(Reflection reflection, Integer demonstrations, String checkpoint,
                              @JsonProperty(defaultValue = "{type: bc}") OptimizerConfig warmup,
                              Integer iterations, InspectionSettings inspection, Boolean aggregate,
                              Boolean restart,
                              OptimizerConfig optimizer, List<Map<String, Object>> optimizerSchedule,
                              @JsonProperty(defaultValue = "{type: discriminator}") RewardModelConfig reward,
                              OptimizerConfig preference, ExplorationSettings exploration)
        implements TrainingMethodConfig {

    public StepAgentConfig {
        reflection = reflection == null ? Reflection.IMPLICIT : reflection;
        demonstrations = demonstrations == null ? 1000 : demonstrations;
        iterations = iterations == null ? 2 : iterations;
        inspection = inspection == null ? new InspectionSettings() : inspection;
        aggregate = aggregate == null ? Boolean.TRUE : aggregate;
        restart = restart == null ? Boolean.FALSE : restart;
        if (restart && !aggregate) {
            throw new IllegalArgumentException("restart: true needs aggregate: true (restarting from the baseline "
                    + "on the latest pairs alone would drop what earlier iterations learned)");
        }
        optimizerSchedule = copySchedule(optimizerSchedule);
        if (demonstrations < 1) {
            throw new IllegalArgumentException("demonstrations must be >= 1 (training tasks with an expert "
                    + "demonstration), got " + demonstrations);
        }
        exploration = (exploration == null ? new ExplorationSettings(null, null, null) : exploration)
                .withDefaultTasks(demonstrations);
        if (preference != null && reflection != Reflection.INVERSE) {
            throw new IllegalArgumentException("preference applies to reflection: inverse only (the implicit variant "
                    + "trains on the pairs with its optimizer); remove it or set reflection: inverse");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        if (checkpoint != null && checkpoint.isBlank()) {
            throw new IllegalArgumentException("checkpoint must be a directory path or left out, got '"
                    + checkpoint + "'");
        }
    }

    /** The defaults. */
    public StepAgentConfig() {
        this(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The default optimiser type of a variant when {@code optimizer} is left out. */
    public static String defaultOptimizer(Reflection reflection) {
        return reflection == Reflection.IMPLICIT ? "dpo" : "ppo";
    }

    /** The overrides for {@code optimizer} in iteration {@code iteration} (1-based); empty if none. */
    public Map<String, Object> optimizerOverrides(int iteration) {
        if (optimizerSchedule.isEmpty()) {
            return Map.of();
        }
        return optimizerSchedule.get(Math.min(iteration, optimizerSchedule.size()) - 1);
    }

    private static List<Map<String, Object>> copySchedule(List<Map<String, Object>> schedule) {
        if (schedule == null) {
            return List.of();
        }
        List<Map<String, Object>> copy = new ArrayList<>(schedule.size());
        for (int i = 0; i < schedule.size(); i++) {
            Map<String, Object> entry = schedule.get(i);
            if (entry == null) {
                throw new IllegalArgumentException("optimizerSchedule[" + i + "] is null; use {} for no change");
            }
            // LinkedHashMap, not Map.copyOf: keeps the order and reads back as written.
            copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(entry)));
        }
        return Collections.unmodifiableList(copy);
    }
}
