package dev.kaizen.core.recipe;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.kaizen.api.critic.CriticConfig;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.search.SearchAlgorithmConfig;
import java.util.HashSet;
import java.util.List;

/**
 * The recipe's {@code evaluation} section.
 *
 * @param splits the splits to evaluate on (default {@code [seen, unseen]})
 * @param episodes episodes per split, {@code >= 1} (default 500; capped by the split's size): the
 *     first tasks of the split
 * @param search how the policy acts (default {@code {type: greedy}}, the plain policy)
 * @param critic the critic for searches that use one (default {@code {type: none}})
 * @param trajectories whether every evaluated episode is written to the run directory, as
 *     {@code evaluation/STAGE-SEARCH-SPLIT.jsonl} (default true); {@code kaizen export} never reads them
 * @param maxErrorShare the largest share of episodes that may error (a policy or environment server
 *     that failed, see {@link dev.kaizen.api.trajectory.ErrorCause}) in an evaluation or a stage
 *     before the run fails, in [0, 1] (default 0.05); errored episodes are left out of success rates
 * @param validation how many of the last {@code train} tasks to hold out of the method and run after
 *     every stage's evaluation, with the same search, to choose the stage the run keeps (default
 *     {@value #DEFAULT_VALIDATION}; at most a quarter of the train tasks; 0: none, the last stage is kept)
 */
@JsonPropertyOrder({"splits", "episodes", "search", "critic", "trajectories", "maxErrorShare", "validation"})
public record EvaluationSettings(List<Split> splits, Integer episodes,
                                 @JsonProperty(defaultValue = "{type: greedy}") SearchAlgorithmConfig search,
                                 @JsonProperty(defaultValue = "{type: none}") CriticConfig critic,
                                 Boolean trajectories, Double maxErrorShare, Integer validation) {

    /** The default {@code maxErrorShare}. */
    public static final double DEFAULT_MAX_ERROR_SHARE = 0.05;
    /** The default {@code validation}. */
    public static final int DEFAULT_VALIDATION = 300;

    public EvaluationSettings {
        splits = splits == null ? List.of(Split.SEEN, Split.UNSEEN) : List.copyOf(splits);
        episodes = episodes == null ? 500 : episodes;
        trajectories = trajectories == null ? Boolean.TRUE : trajectories;
        maxErrorShare = maxErrorShare == null ? DEFAULT_MAX_ERROR_SHARE : maxErrorShare;
        validation = validation == null ? DEFAULT_VALIDATION : validation;
        if (validation < 0) {
            throw new IllegalArgumentException("validation must be >= 0 (held-out train tasks; 0 for none), got "
                    + validation);
        }
        if (!(maxErrorShare >= 0 && maxErrorShare <= 1)) {
            throw new IllegalArgumentException("maxErrorShare must be in [0, 1] (a share of episodes), got "
                    + maxErrorShare);
        }
        if (splits.isEmpty()) {
            throw new IllegalArgumentException("splits must name at least one of [train, seen, unseen]");
        }
        if (new HashSet<>(splits).size() != splits.size()) {
            throw new IllegalArgumentException("splits must not repeat a split, got " + splits);
        }
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        }
        if (search == null) {
            throw new IllegalArgumentException("search is null; e.g. search: {type: greedy}");
        }
        if (critic == null) {
            throw new IllegalArgumentException("critic is null; e.g. critic: {type: none}");
        }
    }
}
