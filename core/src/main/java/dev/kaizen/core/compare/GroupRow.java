package dev.kaizen.core.compare;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One group's figures for one evaluation key.
 *
 * @param group the group
 * @param key the stage, split and search
 * @param success the mean success rate over seeds, with its 95% t-interval
 * @param pooledSuccesses the successful episodes of all its seeds together
 * @param pooledEpisodes the completed (not errored) episodes of all its seeds together
 * @param pooledWilson95 the Wilson 95% interval of {@code pooledSuccesses / pooledEpisodes}, or null
 *     when no episode completed
 * @param meanReward the mean over seeds of the mean reward
 * @param perSeed each seed's success rate, by seed
 * @param gain the paired gain over the baseline group; null for the baseline itself and when the
 *     baseline has no seed of this key in common
 */
public record GroupRow(String group, EvaluationKey key, MeanEstimate success, long pooledSuccesses,
                       long pooledEpisodes, List<Double> pooledWilson95, double meanReward,
                       SortedMap<Long, Double> perSeed, PairedGain gain) {

    public GroupRow {
        requireNonNull(group, "group is null");
        requireNonNull(key, "key is null");
        requireNonNull(success, "success is null");
        pooledWilson95 = pooledWilson95 == null ? null : List.copyOf(pooledWilson95);
        perSeed = Collections.unmodifiableSortedMap(new TreeMap<>(perSeed));
    }

    /** How many seeds. */
    public int seeds() {
        return success.n();
    }
}
