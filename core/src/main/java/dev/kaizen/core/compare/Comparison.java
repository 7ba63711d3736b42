package dev.kaizen.core.compare;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What {@code kaizen compare} found: the groups, the baseline, a row per group and evaluation key,
 * and what was left out.
 *
 * @param groups the groups, in the order the arguments reached them
 * @param baseline the group gains are measured against
 * @param baselineReason why it is the baseline, e.g. {@code --baseline}
 * @param stages which stages were compared
 * @param keys the evaluation keys, in the order the runs list them
 * @param rows the figures, key by key and group by group
 * @param runs the completed runs compared
 * @param skipped the runs left out because they did not complete
 * @param warnings what the user should know: skipped runs, pooled runs whose provenance differs
 */
public record Comparison(List<String> groups, String baseline, String baselineReason, StageSelection stages,
                         List<EvaluationKey> keys, List<GroupRow> rows, List<RunRecord> runs,
                         List<SkippedRun> skipped, List<String> warnings) {

    public Comparison {
        groups = List.copyOf(groups);
        requireNonNull(baseline, "baseline is null");
        requireNonNull(baselineReason, "baselineReason is null");
        requireNonNull(stages, "stages is null");
        keys = List.copyOf(keys);
        rows = List.copyOf(rows);
        runs = List.copyOf(runs);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    /** The rows of {@code key}, group by group. */
    public List<GroupRow> rows(EvaluationKey key) {
        return rows.stream().filter(r -> r.key().equals(key)).toList();
    }
}
