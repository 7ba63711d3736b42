package dev.kaizen.core.compare;

import dev.kaizen.core.evaluation.Wilson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a run's kept stage did worse than the stage it started from: for every evaluation of the
 * kept stage that the {@code baseline} stage was also evaluated on (same split and search), the
 * baseline's success rate above the kept stage's Wilson 95% interval is worth a warning. Keeping
 * the stage that did best on held-out train tasks should make this rare; when it happens, the
 * validation tasks did not represent the split.
 */
final class KeptStageCheck {

    /** The stage every method starts from. */
    static final String BASELINE = "baseline";

    private KeptStageCheck() {
    }

    /** One warning per kept evaluation that fell below its baseline beyond its interval. */
    static List<String> warnings(List<RunRecord> runs) {
        List<String> warnings = new ArrayList<>();
        for (RunRecord run : runs) {
            if (run.kept() == null || run.kept().equals(BASELINE)) {
                continue;
            }
            for (SeedEvaluation kept : run.evaluations()) {
                if (!kept.key().stage().equals(run.kept()) || kept.completed() == 0) {
                    continue;
                }
                for (SeedEvaluation base : run.evaluations()) {
                    if (base.key().stage().equals(BASELINE) && base.key().split().equals(kept.key().split())
                            && base.key().search().equals(kept.key().search())) {
                        double high = Wilson.interval95(kept.successes(), kept.completed()).get(1);
                        if (base.successRate() > high) {
                            warnings.add(String.format(Locale.ROOT, "%s (seed %d): kept stage %s on %s (%s) has"
                                    + " success %.3f, below its baseline stage's %.3f by more than its 95%% interval"
                                    + " (up to %.3f)", run.path(), run.seed(), run.kept(), kept.key().split(),
                                    kept.key().search(), kept.successRate(), base.successRate(), high));
                        }
                    }
                }
            }
        }
        return warnings;
    }
}
