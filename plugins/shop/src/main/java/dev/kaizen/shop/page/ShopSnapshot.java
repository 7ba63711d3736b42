package dev.kaizen.shop.page;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.EpisodeSnapshot;
import dev.kaizen.api.env.Observation;

/**
 * An episode's state: the page state and the observation shown. Immutable and small; it refers to
 * the shared search results rather than copying them.
 *
 * @param storefront the store it belongs to
 * @param taskId the task it belongs to
 * @param state the page state
 * @param observation the observation at that state
 * @param done whether the episode had ended
 */
record ShopSnapshot(Storefront storefront, String taskId, PageState state, Observation observation, boolean done)
        implements EpisodeSnapshot {

    ShopSnapshot {
        requireNonNull(storefront, "storefront is null");
        requireNonNull(taskId, "taskId is null");
        requireNonNull(state, "state is null");
        requireNonNull(observation, "observation is null");
    }

    @Override
    public String toString() {
        return "ShopSnapshot[" + taskId + " " + state.page().id() + " step " + state.steps() + "]";
    }
}
