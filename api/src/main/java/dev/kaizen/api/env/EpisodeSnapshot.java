package dev.kaizen.api.env;

/**
 * The opaque, immutable state of an episode, taken by {@link Episode#snapshot()} and given back
 * to {@link Episode#restore(EpisodeSnapshot)} of the same episode. Cheap to hold many of.
 */
public interface EpisodeSnapshot {
}
