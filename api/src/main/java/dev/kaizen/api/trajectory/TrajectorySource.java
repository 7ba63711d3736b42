package dev.kaizen.api.trajectory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Who produced a trajectory. */
public enum TrajectorySource {
    /** The environment's expert (a demonstration). */
    EXPERT,
    /** A policy acting on its own. */
    AGENT,
    /** A search algorithm (e.g. the path MCTS committed to, or one of its rollouts). */
    SEARCH;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TrajectorySource of(String id) {
        for (TrajectorySource source : values()) {
            if (source.id().equals(id)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown trajectory source '" + id + "'; allowed: "
                + Arrays.stream(values()).map(TrajectorySource::id).toList());
    }

    @Override
    public String toString() {
        return id();
    }
}
