package dev.kaizen.agentq.mcts;

import dev.kaizen.api.search.SearchAlgorithmConfig;
import java.util.Arrays;
import java.util.Locale;

/**
 * Config of the {@code mcts} search. Null fields take their defaults.
 *
 * @param simulations simulations run before each real step is committed ({@code >= 1}, default 8)
 * @param proposals {@code K}, the distinct actions the policy proposes when a node is expanded
 *     ({@code >= 1}, default 5)
 * @param cExp the UCB1 exploration constant {@code c_exp} ({@code >= 0}, default 1.0)
 * @param expansionTemperature the sampling temperature of the proposals; 0 takes the policy's top
 *     {@code K} ({@code >= 0}, default 1.0)
 * @param rolloutTemperature the sampling temperature of rollouts; 0 is greedy ({@code >= 0}, default 0)
 * @param maxDepth how many steps below the current root the tree may grow; a simulation that reaches
 *     this depth rolls out instead of expanding ({@code >= 1}, default 20)
 * @param maxRolloutSteps a rollout that has not ended after this many steps is cut off and scores the
 *     reward collected so far ({@code >= 1}, default 30)
 * @param maxSteps real steps per episode before the search gives up on it ({@code >= 1}, default 50)
 * @param commit which child a real step commits to: {@code visits} (the most visited, ties by value,
 *     then the critic) or {@code value} (the highest mean return, ties by visits, then the critic);
 *     default {@code visits}
 * @param maxSeconds wall-time cap of one {@link dev.kaizen.api.search.SearchAlgorithm#search} call in
 *     seconds; once it is spent, every unfinished episode is completed by the policy alone. 0 (the
 *     default) means no cap; a cap makes results depend on the machine's speed
 */
public record MctsConfig(Integer simulations, Integer proposals, Double cExp, Double expansionTemperature,
                         Double rolloutTemperature, Integer maxDepth, Integer maxRolloutSteps, Integer maxSteps,
                         String commit, Double maxSeconds) implements SearchAlgorithmConfig {

    /** The commit rules, as written in recipes. */
    public static final String COMMIT_VISITS = "visits";
    /** See {@link #COMMIT_VISITS}. */
    public static final String COMMIT_VALUE = "value";

    public MctsConfig {
        simulations = simulations == null ? 8 : simulations;
        proposals = proposals == null ? 5 : proposals;
        cExp = cExp == null ? 1.0 : cExp;
        expansionTemperature = expansionTemperature == null ? 1.0 : expansionTemperature;
        rolloutTemperature = rolloutTemperature == null ? 0.0 : rolloutTemperature;
        maxDepth = maxDepth == null ? 20 : maxDepth;
        maxRolloutSteps = maxRolloutSteps == null ? 30 : maxRolloutSteps;
        maxSteps = maxSteps == null ? 50 : maxSteps;
        commit = commit == null ? COMMIT_VISITS : commit.toLowerCase(Locale.ROOT);
        maxSeconds = maxSeconds == null ? 0.0 : maxSeconds;
        atLeast("simulations", simulations, 1);
        atLeast("proposals", proposals, 1);
        atLeast("maxDepth", maxDepth, 1);
        atLeast("maxRolloutSteps", maxRolloutSteps, 1);
        atLeast("maxSteps", maxSteps, 1);
        nonNegative("cExp", cExp);
        nonNegative("expansionTemperature", expansionTemperature);
        nonNegative("rolloutTemperature", rolloutTemperature);
        nonNegative("maxSeconds", maxSeconds);
        if (!Arrays.asList(COMMIT_VISITS, COMMIT_VALUE).contains(commit)) {
            throw new IllegalArgumentException("commit must be one of [" + COMMIT_VISITS + ", " + COMMIT_VALUE
                    + "], got '" + commit + "'");
        }
    }

    /** The defaults. */
    public MctsConfig() {
        this(null, null, null, null, null, null, null, null, null, null);
    }

    private static void atLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", got " + value);
        }
    }

    private static void nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number >= 0, got " + value);
        }
    }
}
