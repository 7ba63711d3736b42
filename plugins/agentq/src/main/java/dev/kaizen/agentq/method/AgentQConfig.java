package dev.kaizen.agentq.method;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kaizen.agentq.critic.PolicyCriticConfig;
import dev.kaizen.agentq.mcts.MctsConfig;
import dev.kaizen.api.critic.CriticConfig;
import dev.kaizen.api.method.TrainingMethodConfig;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.search.SearchAlgorithmConfig;
import java.util.List;
import java.util.Map;

/**
 * Config of the {@code agentq} method. Null fields take their defaults. Nested parts left out of the
 * recipe default to the declared parts with their own defaults (the host fills them in; the
 * optimisers, which other plugins provide, are otherwise built by name when the method is built).
 *
 * @param demonstrations how many training tasks (the first ones of the {@code train} split) the
 *     behaviour-cloning warm-up learns from; 0 skips the warm-up (default 200)
 * @param warmupOptimizer the warm-up optimiser (behaviour cloning on the demonstrations)
 * @param checkpoint a policy checkpoint directory to start from instead of the warm-up; null for the warm-up
 * @param iterations rounds of search → pairs → DPO; the last is the stage {@code final} ({@code >= 1}, default 2)
 * @param tasksPerIteration training tasks searched per iteration: consecutive slices of one seeded
 *     shuffle of the {@code train} split, wrapping around ({@code >= 1}, default 200)
 * @param search the search on training tasks whose trees give the pairs (default {@code {type: mcts}})
 * @param critic the critic of that search (default {@code {type: policy-critic}})
 * @param alpha {@code α} in {@code Q_pref = α·Q_mcts + (1−α)·Q̂}, in [0, 1] (default 0.5)
 * @param theta {@code θ}, the smallest {@code |ΔQ_pref|} between siblings that makes a pair ({@code >= 0},
 *     default 0.1)
 * @param minVisits the visits a child needs to count as explored for pairs ({@code >= 1}, default 1)
 * @param optimizer the preference optimiser, trained on each iteration's pairs (step-level DPO); its
 *     reference policy is the policy at the start of each iteration
 * @param schedule per-iteration values of {@code optimizer} fields, e.g. {@code {beta: [0.1, 0.5]}};
 *     iteration {@code i} takes the {@code i}-th value, the last repeating (default none)
 * @param inferenceSearch the search evaluated "at inference" (default {@code {type: mcts}})
 * @param inferenceCritic the critic of the inference search (default {@code {type: policy-critic}})
 * @param searchBaseline whether the baseline is also evaluated with the inference search (default true)
 * @param searchEveryIteration whether every iteration is evaluated with the inference search, not only
 *     {@code final} (default false)
 * @param pairing which siblings are paired: {@code all} (default; every explored sibling that is at
 *     least {@code theta} better is chosen over the other, the paper's rule) or {@code best} (only the
 *     node's best explored children are chosen)
 */
public record AgentQConfig(Integer demonstrations,
                           @JsonProperty(defaultValue = "{type: bc}") OptimizerConfig warmupOptimizer,
                           String checkpoint, Integer iterations, Integer tasksPerIteration,
                           @JsonProperty(defaultValue = "{type: mcts}") SearchAlgorithmConfig search,
                           @JsonProperty(defaultValue = "{type: policy-critic}") CriticConfig critic,
                           Double alpha, Double theta, Integer minVisits,
                           @JsonProperty(defaultValue = "{type: dpo}") OptimizerConfig optimizer,
                           Map<String, List<Object>> schedule,
                           @JsonProperty(defaultValue = "{type: mcts}") SearchAlgorithmConfig inferenceSearch,
                           @JsonProperty(defaultValue = "{type: policy-critic}") CriticConfig inferenceCritic,
                           Boolean searchBaseline, Boolean searchEveryIteration, String pairing) implements TrainingMethodConfig {

    /** Pair every explored sibling with every better one. */
    public static final String PAIRING_ALL = "all";
    /** Pair only a node's best explored children with the others. */
    public static final String PAIRING_BEST = "best";

    public AgentQConfig {
        demonstrations = demonstrations == null ? 200 : demonstrations;
        iterations = iterations == null ? 2 : iterations;
        tasksPerIteration = tasksPerIteration == null ? 200 : tasksPerIteration;
        search = search == null ? new MctsConfig() : search;
        critic = critic == null ? new PolicyCriticConfig() : critic;
        alpha = alpha == null ? 0.5 : alpha;
        theta = theta == null ? 0.1 : theta;
        minVisits = minVisits == null ? 1 : minVisits;
        schedule = schedule == null ? Map.of() : schedule;
        inferenceSearch = inferenceSearch == null ? new MctsConfig() : inferenceSearch;
        inferenceCritic = inferenceCritic == null ? new PolicyCriticConfig() : inferenceCritic;
        searchBaseline = searchBaseline == null ? Boolean.TRUE : searchBaseline;
        searchEveryIteration = searchEveryIteration == null ? Boolean.FALSE : searchEveryIteration;
        pairing = pairing == null ? PAIRING_ALL : pairing.toLowerCase(java.util.Locale.ROOT);
        if (!List.of(PAIRING_ALL, PAIRING_BEST).contains(pairing)) {
            throw new IllegalArgumentException("method.pairing must be one of [" + PAIRING_ALL + ", " + PAIRING_BEST
                    + "], got '" + pairing + "'");
        }
        if (demonstrations < 0) {
            throw new IllegalArgumentException("method.demonstrations must be >= 0 (0 skips the warm-up), got "
                    + demonstrations);
        }
        if (checkpoint != null && checkpoint.isBlank()) {
            throw new IllegalArgumentException("method.checkpoint must name a checkpoint directory or be left out,"
                    + " got a blank string");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("method.iterations must be >= 1, got " + iterations);
        }
        if (tasksPerIteration < 1) {
            throw new IllegalArgumentException("method.tasksPerIteration must be >= 1, got " + tasksPerIteration);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("method.alpha must be in [0, 1], got " + alpha);
        }
        if (!(theta >= 0) || Double.isInfinite(theta)) {
            throw new IllegalArgumentException("method.theta must be a finite number >= 0, got " + theta);
        }
        if (minVisits < 1) {
            throw new IllegalArgumentException("method.minVisits must be >= 1, got " + minVisits);
        }
        new Schedule("method.schedule", schedule);
        schedule = Map.copyOf(schedule);
    }

    /** The defaults. */
    public AgentQConfig() {
        this(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
