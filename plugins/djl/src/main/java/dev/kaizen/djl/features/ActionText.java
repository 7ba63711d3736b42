package dev.kaizen.djl.features;

import dev.kaizen.djl.text.TextProfile;

/**
 * What the rows of an action need of its text alone, worked out once per action text
 * ({@link ActionTexts}): the argument's analysis and the action's own role buckets.
 *
 * @param argument the argument, or the whole text for an action without one
 * @param verbRole the bucket of {@code v=verb}
 * @param pageRole the running hash of {@code vp=verb@}, to be continued with the page type
 * @param argumentRole the bucket of {@code a=argument}, or -1 where the argument is not a short name
 */
record ActionText(TextProfile argument, int verbRole, long pageRole, int argumentRole) {
}
