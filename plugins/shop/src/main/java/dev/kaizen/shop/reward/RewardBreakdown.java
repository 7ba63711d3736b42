package dev.kaizen.shop.reward;

/**
 * How a purchase scored: {@code reward = typeReward · (attributes + options + price) / (asked + 1)}.
 *
 * @param typeReward {@code r_type}: 1, 0.5, 0.1 or 0 as the product's type drifts from the goal's
 * @param attributesMatched {@code N_att}
 * @param attributesAsked {@code |U_att|}
 * @param optionsMatched {@code N_opt}
 * @param optionsAsked {@code |U_opt|}
 * @param withinBudget whether the price is at most the budget
 * @param reward the reward in [0, 1]
 */
public record RewardBreakdown(double typeReward, int attributesMatched, int attributesAsked, int optionsMatched,
                              int optionsAsked, boolean withinBudget, double reward) {
}
