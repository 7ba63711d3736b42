package dev.kaizen.eto;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kaizen.api.critic.CriticConfig;
import dev.kaizen.api.method.TrainingMethodConfig;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.search.SearchAlgorithmConfig;
import java.util.List;
import java.util.Map;

/**
 * Config of the {@code eto} method. Nested parts left out of the recipe default to
 * {@code {type: bc}}, {@code {type: sample}}, {@code {type: none}} and {@code {type: dpo}}, each
 * with its own defaults.
 *
 * @param demonstrations how many training tasks (the first ones of the {@code train} split, capped
 *     by its size) to collect expert demonstrations for, as the host's {@code bc} method does: the
 *     warm-up trains on them and exploration pairs against them
 * @param optimizer the warm-up optimiser (behaviour cloning on the demonstrations)
 * @param checkpoint a policy checkpoint directory to start from instead of the warm-up; null for the warm-up
 * @param iterations rounds of explore → pair → DPO; the last one is the stage {@code final}
 * @param explorationTasks how many tasks of the exploration pool each iteration explores (a seeded
 *     choice per iteration when the pool has more; default {@value WarmStart#DEFAULT_EXPLORATION_TASKS})
 * @param explorer the search algorithm that explores (e.g. {@code sample}, {@code greedy}, {@code mcts})
 * @param critic the critic the explorer uses, if it uses one
 * @param dpo the preference optimiser, trained once per iteration on that iteration's pairs
 * @param schedule per-iteration values of {@code dpo} fields, e.g. {@code {beta: [0.1, 0.5]}}; the
 *     last value of a list repeats
 * @param truncationSlack steps beyond the expert's length that a rejected trajectory keeps
 * @param diagnostics whether to measure how DPO moved the pairs' log-probabilities away from the
 *     reference (costs two scoring passes over the pairs per iteration)
 * @param explorationPool which tasks a round explores: {@code train} (any training task the method
 *     may use, the default: mostly tasks the policy was not trained on, where it fails) or
 *     {@code demonstrations} (the demonstrated tasks only, as in the ETO paper)
 */
public record EtoConfig(Integer demonstrations,
                        @JsonProperty(defaultValue = "{type: " + Parts.BC + "}") OptimizerConfig optimizer,
                        String checkpoint, Integer iterations, Integer explorationTasks,
                        @JsonProperty(defaultValue = "{type: " + Parts.SAMPLE + "}") SearchAlgorithmConfig explorer,
                        @JsonProperty(defaultValue = "{type: " + Parts.NONE + "}") CriticConfig critic,
                        @JsonProperty(defaultValue = "{type: " + Parts.DPO + "}") OptimizerConfig dpo,
                        Map<String, List<Object>> schedule, Integer truncationSlack, Boolean diagnostics,
                        String explorationPool)
        implements TrainingMethodConfig, ExplorationRounds.Settings {

    /** The paper's schedule: β 0.1 in the first iteration, 0.5 after. */
    public static final Map<String, List<Object>> DEFAULT_SCHEDULE = Map.of("beta", List.of(0.1, 0.5));

    public EtoConfig {
        demonstrations = demonstrations == null ? WarmStart.DEFAULT_DEMONSTRATIONS : demonstrations;
        iterations = iterations == null ? 3 : iterations;
        schedule = schedule == null ? DEFAULT_SCHEDULE : schedule;
        truncationSlack = truncationSlack == null ? 5 : truncationSlack;
        diagnostics = diagnostics == null ? Boolean.TRUE : diagnostics;
        explorationTasks = explorationTasks == null ? WarmStart.DEFAULT_EXPLORATION_TASKS : explorationTasks;
        explorationPool = ExplorationPool.of(explorationPool).id();
        WarmStart.validate("eto", demonstrations, checkpoint, iterations, explorationTasks);
        if (truncationSlack < 0) {
            throw new IllegalArgumentException("method.truncationSlack must be >= 0 (steps a rejected trajectory keeps"
                    + " beyond the expert's length), got " + truncationSlack);
        }
        new Schedule("method.schedule", schedule);
    }

    /** This config with another schedule. */
    public EtoConfig withSchedule(Map<String, List<Object>> replaced) {
        return new EtoConfig(demonstrations, optimizer, checkpoint, iterations, explorationTasks, explorer, critic, dpo,
                replaced, truncationSlack, diagnostics, explorationPool);
    }

    /** The defaults. */
    public EtoConfig() {
        this(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
