package dev.kaizen.core.run;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.kaizen.api.trajectory.ErrorCounts;

/**
 * A completed stage as {@code summary.json} lists it.
 *
 * @param stage the stage name
 * @param seconds how long it took
 * @param episodes the episodes it ran (rollouts, searches and evaluations)
 * @param errors those that errored, by cause
 */
@JsonPropertyOrder({"stage", "seconds", "episodes", "errors", "errorShare"})
@JsonIgnoreProperties(value = "errorShare", allowGetters = true)
public record StageSummary(String stage, double seconds, int episodes, ErrorCounts errors) {

    public StageSummary {
        requireNonNull(stage, "stage is null");
        errors = errors == null ? ErrorCounts.NONE : errors;
    }

    /** The share of the stage's episodes that errored. */
    @JsonProperty("errorShare")
    public double errorShare() {
        return episodes == 0 ? 0 : errors.total() / (double) episodes;
    }
}
