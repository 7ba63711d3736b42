package dev.kaizen.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.api.ProgressReporter;
import dev.kaizen.core.BadInputException;
import dev.kaizen.core.cli.GlobalOptions;
import dev.kaizen.core.cli.Kaizen;
import dev.kaizen.core.compare.CompareInputs;
import dev.kaizen.core.compare.CompareJson;
import dev.kaizen.core.compare.CompareReport;
import dev.kaizen.core.compare.CompareTable;
import dev.kaizen.core.compare.Comparer;
import dev.kaizen.core.compare.Comparison;
import dev.kaizen.core.compare.StageSelection;
import dev.kaizen.core.recipe.Recipe;
import dev.kaizen.core.recipe.RecipeLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kaizen sweep RECIPE... [--seeds S] [--grid PATH=V1,V2,...]... [--set PATH=VALUE]... [--master URL] [--out DIR]}.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run recipes × grid cells × seeds, each cell an ordinary run in DIR/runs/, as Apache Spark tasks.",
            "The same command on the same --out skips completed cells and resumes interrupted ones."})
final class SweepCommand implements Callable<Integer> {

    private final Kaizen kaizen;

    @Mixin
    GlobalOptions global;

    @Parameters(arity = "1..*", paramLabel = "RECIPE", description = "Recipes (files, or names in $KAIZEN_HOME/recipes).")
    List<String> recipes = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "SEEDS", description = "Seeds: a range 7-16, a list 7,9,11, or both (default: 7).")
    String seeds = "7";

    @Option(names = "--grid", paramLabel = "PATH=V1,V2,...", description = "A field and its values; repeatable (cartesian product).")
    List<String> grid = new ArrayList<>();

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a field in every cell; repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default local[K], K = half the cores): local[2], spark://HOST:7077, yarn, "
                    + "k8s://...; none runs the cells one after another in this JVM without Spark")
    String master;

    @Option(names = "--baseline", paramLabel = "GROUP",
            description = "The group the end table measures gains against (default: the one group named bc-*, else the first).")
    String baseline;

    @Option(names = "--out", paramLabel = "DIR", description = "Sweep directory (default: sweeps/sweep-yyyyMMdd-HHmmss).")
    Path out;

    /** The master that runs the cells one after another in this JVM, without Spark. */
    static final String IN_PROCESS = "none";

    SweepCommand(Kaizen kaizen) {
        this.kaizen = kaizen;
    }

    @Override
    public Integer call() throws Exception {
        kaizen.configure(global);
        List<Cell> cells = plan();
        String sparkMaster = master != null ? master
                : SparkSweep.localMaster(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        Path directory = (out != null ? out : Path.of("sweeps", "sweep-" + LocalDateTime.now(kaizen.clock())
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))).toAbsolutePath();
        Files.createDirectories(directory.resolve("runs"));
        SweepState state = SweepState.open(directory, cells, sparkMaster);
        Map<String, String> environment = new HashMap<>();
        if (kaizen.environment().containsKey("KAIZEN_HOME")) {
            environment.put("KAIZEN_HOME", kaizen.environment().get("KAIZEN_HOME"));
        }
        kaizen.err().printf(Locale.ROOT, "sweep: %d cells on %s into %s%n", cells.size(), sparkMaster, directory);
        CellTask task = new CellTask(directory, environment, kaizen.pluginDirectories());
        List<CellOutcome> outcomes;
        try (ProgressReporter progress = kaizen.progress().start("sweep", cells.size())) {
            Consumer<CellOutcome> finished = outcome -> {
                state.finished(outcome);
                kaizen.err().println(line(outcome));
                progress.advance(1);
            };
            outcomes = IN_PROCESS.equals(sparkMaster) ? inProcess(cells, task, state, finished)
                    : SparkSweep.run(sparkMaster, cells, task, state::running, finished);
        }
        compare(directory);
        kaizen.out().println("sweep directory: " + directory);
        long failed = outcomes.stream().filter(o -> !CellOutcome.COMPLETED.equals(o.state())).count();
        if (failed > 0) {
            kaizen.out().println(failed + " of " + cells.size() + " cells failed; see sweep.json and logs/");
            return Kaizen.FAILED;
        }
        return Kaizen.OK;
    }

    /** The cells one after another in this JVM, without Spark (to measure what Spark costs, or to debug). */
    private static List<CellOutcome> inProcess(List<Cell> cells, CellTask task, SweepState state,
                                               Consumer<CellOutcome> finished) throws Exception {
        List<CellOutcome> outcomes = new ArrayList<>();
        for (Cell cell : cells) {
            state.running(cell);
            CellOutcome outcome = task.call(cell);
            finished.accept(outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /** The cells, every recipe and grid cell checked (bound with its overrides) before any runs. */
    private List<Cell> plan() {
        RecipeLoader loader = kaizen.recipeLoader();
        List<SweepPlan.Axis> axes = grid.stream().map(SweepPlan.Axis::parse).toList();
        List<SweepPlan.NamedRecipe> named = new ArrayList<>();
        for (String argument : recipes) {
            Path file = kaizen.recipeFile(argument).toAbsolutePath();
            Recipe recipe = loader.load(file, sets);
            named.add(new SweepPlan.NamedRecipe(recipe.name(), file.toString()));
        }
        List<Cell> cells = SweepPlan.cells(named, axes, sets, SeedList.parse(seeds));
        Map<String, Boolean> checked = new LinkedHashMap<>();
        for (Cell cell : cells) {
            if (checked.putIfAbsent(cell.group(), true) == null) {
                loader.load(Path.of(cell.recipe()), cell.sets());
            }
        }
        if (cells.isEmpty()) {
            throw new BadInputException("the sweep has no cells");
        }
        return cells;
    }

    private static String line(CellOutcome outcome) {
        StringBuilder line = new StringBuilder("cell " + outcome.id() + ": ");
        if (!CellOutcome.COMPLETED.equals(outcome.state())) {
            return line.append("failed (exit ").append(outcome.exitCode()).append("): ").append(outcome.reason()).toString();
        }
        line.append(outcome.skipped() ? "completed earlier" : String.format(Locale.ROOT, "completed in %.1f s",
                outcome.seconds()));
        for (Map<String, Object> evaluation : outcome.evaluations()) {
            line.append(String.format(Locale.ROOT, "; %s %s (%s) %.3f", evaluation.get("stage"), evaluation.get("split"),
                    evaluation.get("search"), ((Number) evaluation.get("successRate")).doubleValue()));
        }
        return line.toString();
    }

    /**
     * The comparison of the sweep's completed runs ({@code kaizen compare} on the sweep directory):
     * the table on stdout, {@code compare.json} and {@code compare.html} in the sweep directory.
     */
    private void compare(Path directory) throws IOException {
        Comparison comparison;
        try {
            comparison = Comparer.compare(CompareInputs.read(List.of(directory), new ObjectMapper()), baseline,
                    StageSelection.KEPT);
        } catch (BadInputException e) {
            kaizen.out().println("no comparison: " + e.getMessage());
            return;
        }
        comparison.warnings().forEach(warning -> kaizen.err().println("kaizen: warning: " + warning));
        CompareTable.print(comparison, kaizen.out());
        CompareJson.write(comparison, directory.resolve("compare.json"));
        CompareReport.write(comparison, directory);
    }
}
