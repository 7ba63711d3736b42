package dev.kaizen.core.cli;

import dev.kaizen.api.method.EvaluationResult;
import dev.kaizen.core.evaluation.StageValidation;
import dev.kaizen.core.run.Summary;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Prints a run's evaluations as a table. */
final class Results {

    private Results() {
    }

    static void print(PrintStream out, Path directory, Summary summary) {
        out.println("run directory: " + directory);
        out.printf(Locale.ROOT, "recipe %s, method %s, seed %d: %s in %.1f s%n", summary.recipe(), summary.method(),
                summary.seed(), summary.status(), summary.wallSeconds());
        if (summary.evaluations().isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "%-12s %-7s %-8s %8s %8s  %-16s %11s %7s%n", "stage", "split", "search", "episodes",
                "success", "95% interval", "mean reward", "errors");
        for (EvaluationResult result : summary.evaluations()) {
            out.printf(Locale.ROOT, "%-12s %-7s %-8s %8d %8.3f  [%.3f, %.3f] %11.3f %7d%n", result.stage(),
                    result.split(), result.search(), result.episodes(), result.successRate(),
                    result.successCi95().get(0), result.successCi95().get(1), result.meanReward(),
                    result.errors().total());
        }
        if (summary.evaluations().stream().anyMatch(r -> r.errors().total() > 0)) {
            out.println("success and mean reward are over the episodes that did not error; errors by cause are in "
                    + "summary.json");
        }
        StageValidation kept = summary.validation().stream().filter(v -> v.stage().equals(summary.kept()))
                .findFirst().orElse(null);
        if (kept != null) {
            Path policy = directory.resolve("checkpoints").resolve(kept.stage()).resolve("policy");
            out.printf(Locale.ROOT, "kept stage: %s, the best of %d on %d held-out train tasks (success %.1f%%)%s%n",
                    kept.stage(), summary.validation().size(), kept.episodes(), 100 * kept.successRate(),
                    Files.isDirectory(policy) ? "; its policy: " + policy : "");
        }
        if (summary.error() != null) {
            out.println(summary.status() + ": " + summary.error());
        }
    }
}
