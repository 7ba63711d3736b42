package dev.kaizen.core.bench;

import dev.kaizen.api.MetricsSink;
import dev.kaizen.core.recipe.ConfigBinder;
import dev.kaizen.core.recipe.Recipe;
import dev.kaizen.core.recipe.RecipeLoader;
import dev.kaizen.core.rollout.ProgressDisplay;
import dev.kaizen.core.run.HostComponentContext;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The context benchmarks run in: a component context without run directory or rollout engine, plus
 * recipe loading for core's own benchmarks. Thread-safe.
 */
public final class BenchmarkContext extends HostComponentContext {

    private final RecipeLoader loader;
    private final Function<String, Path> recipes;

    /**
     * @param recipes resolves a recipe argument to a file as {@code kaizen run} does
     */
    public BenchmarkContext(long seed, ProgressDisplay progress, RecipeLoader loader, Function<String, Path> recipes) {
        super(seed, null, MetricsSink.DISCARD, progress, loader.binder(), null);
        this.loader = loader;
        this.recipes = recipes;
    }

    /** Loads a recipe named as on {@code kaizen run}'s command line, with {@code --set} overrides. */
    public Recipe recipe(String argument, List<String> sets) {
        return loader.load(recipes.apply(argument), sets);
    }

    /** The binder. */
    public ConfigBinder configBinder() {
        return binder();
    }

    /** The {@code --set} values a benchmark request carries: the {@code set} option, one per line. */
    public static List<String> sets(String option) {
        return option == null || option.isEmpty() ? List.of() : List.of(option.split("\n"));
    }
}
