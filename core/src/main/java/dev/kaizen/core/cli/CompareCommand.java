package dev.kaizen.core.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.BadInputException;
import dev.kaizen.core.compare.CompareInputs;
import dev.kaizen.core.compare.CompareJson;
import dev.kaizen.core.compare.CompareReport;
import dev.kaizen.core.compare.CompareTable;
import dev.kaizen.core.compare.Comparer;
import dev.kaizen.core.compare.Comparison;
import dev.kaizen.core.compare.StageSelection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kaizen compare DIR... [--baseline GROUP] [--out DIR] [--stage NAME | --all-stages]}. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare groups of completed runs across seeds: mean success with its t-interval, the pooled "
                + "Wilson interval, and paired gains over a baseline group with the paired t-test and the Wilcoxon "
                + "signed-rank test.",
            "Each DIR is a run directory or a sweep directory. A run's group is its sweep cell's group, else its "
                + "recipe's name."})
final class CompareCommand implements Callable<Integer> {

    @ParentCommand
    Kaizen kaizen;

    @Mixin
    GlobalOptions global;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Run directories and sweep directories.")
    List<Path> directories;

    @Option(names = "--baseline", paramLabel = "GROUP",
            description = "The group gains are measured against (default: the one group named bc-*, else the first).")
    String baseline;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write compare.json and compare.html (default: the first DIR if it is a sweep "
                    + "directory, else the folder compare).")
    Path out;

    @Option(names = "--stage", paramLabel = "NAME",
            description = "Compare this stage's evaluations; 'last' for each run's last stage (default: the stage"
                    + " each run kept, the best on its held-out train tasks, else its last).")
    String stage;

    @Option(names = "--all-stages", description = "Compare the evaluations of every stage.")
    boolean allStages;

    @Override
    public Integer call() throws IOException {
        kaizen.configure(global);
        if (stage != null && allStages) {
            throw new BadInputException("--stage and --all-stages exclude each other; give one");
        }
        StageSelection stages = allStages ? StageSelection.ALL : stage != null ? StageSelection.named(stage)
                : StageSelection.KEPT;
        Path target = out != null ? out
                : CompareInputs.isSweep(directories.get(0)) ? directories.get(0) : Path.of("compare");
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new BadInputException("--out " + target + " is a file; name a folder");
        }
        Comparison comparison = Comparer.compare(CompareInputs.read(directories, new ObjectMapper()), baseline, stages);
        for (String warning : comparison.warnings()) {
            kaizen.err().println("kaizen: warning: " + warning);
        }
        CompareTable.print(comparison, kaizen.out());
        Files.createDirectories(target);
        CompareJson.write(comparison, target.resolve("compare.json"));
        CompareReport.write(comparison, target);
        kaizen.out().println("wrote " + target.resolve("compare.json") + " and " + target.resolve("compare.html"));
        return Kaizen.OK;
    }
}
