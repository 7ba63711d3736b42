package dev.kaizen.agentq.critic;

import dev.kaizen.api.critic.CriticConfig;
import dev.kaizen.api.policy.PolicyConfig;
import java.util.List;
import java.util.Locale;

/**
 * Config of the {@code policy-critic}.
 *
 * @param policy the policy whose scores rank the proposals (e.g. a frozen base checkpoint); null (the
 *     default) ranks with the policy of the search that uses the critic, as it is when the search starts
 * @param scoring how scores become critic scores: {@code rank} (default; the paper's
 *     {@code Q̂ = 1 − rank/(K−1)}, best 1, worst 0, a single candidate 1) or {@code probability}
 *     (the policy's probabilities renormalised over the candidates)
 */
public record PolicyCriticConfig(PolicyConfig policy, String scoring) implements CriticConfig {

    /** Rank-based scoring. */
    public static final String RANK = "rank";
    /** Probability-based scoring. */
    public static final String PROBABILITY = "probability";

    public PolicyCriticConfig {
        scoring = scoring == null ? RANK : scoring.toLowerCase(Locale.ROOT);
        if (!List.of(RANK, PROBABILITY).contains(scoring)) {
            throw new IllegalArgumentException("scoring must be one of [" + RANK + ", " + PROBABILITY + "], got '"
                    + scoring + "'");
        }
    }

    /** The defaults: rank with the searching policy. */
    public PolicyCriticConfig() {
        this(null, null);
    }
}
