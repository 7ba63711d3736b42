package dev.kaizen.eto;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kaizen.api.critic.CriticConfig;
import dev.kaizen.api.method.TrainingMethodConfig;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.search.SearchAlgorithmConfig;
import java.util.List;
import java.util.Map;

/**
 * Config of the {@code rft} method (rejection-sampling fine-tuning). Nested parts left out of the
 * recipe default to {@code {type: bc}}, {@code {type: sample}} and {@code {type: none}}, each with
 * its own defaults.
 *
 * @param demonstrations how many training tasks (the first ones of the {@code train} split, capped
 *     by its size) to collect expert demonstrations for, as the host's {@code bc} method does; used
 *     for the warm-up and (with {@code includeDemonstrations}) every round
 * @param optimizer behaviour cloning, for the warm-up and every round
 * @param checkpoint a policy checkpoint directory to start from instead of the warm-up; null for the warm-up
 * @param iterations rounds of sample → keep successes → behaviour cloning; the last one is the stage {@code final}
 * @param explorationTasks how many tasks of the exploration pool each round samples (a seeded choice
 *     per round when the pool has more; default {@value WarmStart#DEFAULT_EXPLORATION_TASKS})
 * @param explorer the search algorithm that samples (e.g. {@code sample} with several samples per task)
 * @param critic the critic the explorer uses, if it uses one
 * @param schedule per-round values of {@code optimizer} fields, e.g. {@code {epochs: [2]}}; the last
 *     value of a list repeats; empty to reuse the warm-up settings
 * @param includeDemonstrations whether each round trains on the expert demonstrations together with
 *     the kept trajectories (as RFT in the ETO paper does), or on the kept trajectories alone
 * @param minReward the episode reward a sampled trajectory needs to be kept (1 keeps successes only)
 * @param explorationPool which tasks a round explores: {@code train} (any training task the method
 *     may use, the default: mostly tasks the policy was not trained on, where it fails) or
 *     {@code demonstrations} (the demonstrated tasks only, as in the ETO paper)
 */
public record RftConfig(Integer demonstrations,
                        @JsonProperty(defaultValue = "{type: " + Parts.BC + "}") OptimizerConfig optimizer,
                        String checkpoint, Integer iterations, Integer explorationTasks,
                        @JsonProperty(defaultValue = "{type: " + Parts.SAMPLE + "}") SearchAlgorithmConfig explorer,
                        @JsonProperty(defaultValue = "{type: " + Parts.NONE + "}") CriticConfig critic,
                        Map<String, List<Object>> schedule, Boolean includeDemonstrations, Double minReward,
                        String explorationPool)
        implements TrainingMethodConfig, ExplorationRounds.Settings {

    public RftConfig {
        demonstrations = demonstrations == null ? WarmStart.DEFAULT_DEMONSTRATIONS : demonstrations;
        iterations = iterations == null ? 1 : iterations;
        schedule = schedule == null ? Map.of() : schedule;
        includeDemonstrations = includeDemonstrations == null ? Boolean.TRUE : includeDemonstrations;
        minReward = minReward == null ? 1.0 : minReward;
        explorationTasks = explorationTasks == null ? WarmStart.DEFAULT_EXPLORATION_TASKS : explorationTasks;
        explorationPool = ExplorationPool.of(explorationPool).id();
        WarmStart.validate("rft", demonstrations, checkpoint, iterations, explorationTasks);
        if (!(minReward > 0 && minReward <= 1)) {
            throw new IllegalArgumentException("method.minReward must be in (0, 1] (the episode reward a sampled"
                    + " trajectory needs to be kept; 1 keeps successes only), got " + minReward);
        }
        new Schedule("method.schedule", schedule);
    }

    /** The defaults. */
    public RftConfig() {
        this(null, null, null, null, null, null, null, null, null, null, null);
    }
}
