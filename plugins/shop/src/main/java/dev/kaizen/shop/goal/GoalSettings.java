package dev.kaizen.shop.goal;

/**
 * How goals are made.
 *
 * @param minAttributes the fewest attributes a goal names
 * @param maxAttributes the most attributes a goal names
 * @param maxOptions the most option values a goal names (near-misses may force one more)
 * @param synonymRate the chance that the instruction words an attribute differently from the
 *     target product's own wording
 * @param maxSteps the episode step limit; the expert's path must fit in it
 */
public record GoalSettings(int minAttributes, int maxAttributes, int maxOptions, double synonymRate, int maxSteps) {
}
