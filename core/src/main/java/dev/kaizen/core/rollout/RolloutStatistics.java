package dev.kaizen.core.rollout;

/**
 * What one batch of episodes cost.
 *
 * @param episodes episodes run
 * @param steps environment steps taken
 * @param decisions contexts the policy decided for
 * @param decideCalls calls to {@code decide}
 * @param errors episodes that ended with an error
 * @param seconds wall time
 */
public record RolloutStatistics(int episodes, long steps, long decisions, long decideCalls, int errors,
                                double seconds) {
}
