package dev.kaizen.core.compare;

import static java.util.Objects.requireNonNull;

/**
 * One evaluation of one run, as {@code summary.json} gives it.
 *
 * @param key its stage, split and search
 * @param episodes the episodes run, errored ones included
 * @param completed the episodes that did not error: those the rates are over
 * @param successRate the share of completed episodes with success
 * @param meanReward the mean reward of completed episodes
 */
public record SeedEvaluation(EvaluationKey key, int episodes, int completed, double successRate, double meanReward) {

    public SeedEvaluation {
        requireNonNull(key, "key is null");
        if (completed < 0 || completed > episodes) {
            throw new IllegalArgumentException("need 0 <= completed <= episodes, got " + completed + " of " + episodes);
        }
    }

    /** The same evaluation under another stage name. */
    public SeedEvaluation withStage(String stage) {
        return new SeedEvaluation(new EvaluationKey(stage, key.split(), key.search()), episodes, completed,
                successRate, meanReward);
    }

    /** The successful episodes: the success rate times the completed episodes, rounded. */
    public long successes() {
        return Math.round(successRate * completed);
    }
}
