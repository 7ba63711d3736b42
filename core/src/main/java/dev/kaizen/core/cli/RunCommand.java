package dev.kaizen.core.cli;

import dev.kaizen.core.BadInputException;
import dev.kaizen.core.recipe.Recipe;
import dev.kaizen.core.run.Runner;
import dev.kaizen.core.run.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kaizen run RECIPE [--out DIR] [--set PATH=VALUE]... | --resume DIR}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a recipe into a new run directory, or resume an interrupted run.",
            "RECIPE is a file, or a name looked up as $KAIZEN_HOME/recipes/RECIPE(.yaml)."})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    Kaizen kaizen;

    @Mixin
    GlobalOptions global;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RECIPE", description = "The recipe to run.")
    String recipe;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/NAME-yyyyMMdd-HHmmss).")
    Path out;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a recipe field, e.g. --set method.demonstrations=500; repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the interrupted run in DIR.")
    Path resume;

    @Override
    public Integer call() throws Exception {
        kaizen.configure(global);
        Runner runner = kaizen.runner();
        Summary summary;
        if (resume != null) {
            if (recipe != null) {
                throw new BadInputException("--resume takes the recipe from " + resume.resolve("recipe.yaml")
                        + "; drop the RECIPE argument '" + recipe + "'");
            }
            if (!sets.isEmpty()) {
                throw new BadInputException("--set cannot be used with --resume: a resumed run keeps its recipe; "
                        + "start a new run to change it");
            }
            if (out != null) {
                throw new BadInputException("--out cannot be used with --resume: the run continues in " + resume);
            }
            if (!Files.isDirectory(resume)) {
                throw new BadInputException("--resume " + resume + ": no such run directory");
            }
            summary = runner.resume(resume);
            Results.print(kaizen.out(), resume, summary);
        } else {
            if (recipe == null) {
                throw new BadInputException("name a RECIPE to run (a file, or a recipe in $KAIZEN_HOME/recipes), "
                        + "or --resume DIR");
            }
            Recipe loaded = kaizen.recipeLoader().load(kaizen.recipeFile(recipe), sets);
            Path directory = out != null ? out : kaizen.defaultRunDirectory(loaded.name());
            summary = runner.run(loaded, directory);
            Results.print(kaizen.out(), directory, summary);
        }
        return "completed".equals(summary.status()) ? Kaizen.OK : Kaizen.FAILED;
    }
}
