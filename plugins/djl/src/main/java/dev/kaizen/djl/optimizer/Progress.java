package dev.kaizen.djl.optimizer;

import dev.kaizen.api.ProgressReporter;

/** Opens progress reporters (the host's, or silent ones in tests). */
@FunctionalInterface
interface Progress {

    /** Silent progress. */
    Progress SILENT = (label, total) -> ProgressReporter.SILENT;

    ProgressReporter open(String label, long total);
}
