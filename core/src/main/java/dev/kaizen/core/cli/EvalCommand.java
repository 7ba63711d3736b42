package dev.kaizen.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaizen.api.env.EnvironmentConfig;
import dev.kaizen.core.BadInputException;
import dev.kaizen.core.builtin.EvaluateMethodConfig;
import dev.kaizen.core.recipe.ConfigBinder;
import dev.kaizen.core.recipe.Recipe;
import dev.kaizen.core.run.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kaizen eval RECIPE --policy CHECKPOINT_DIR [--out DIR] [--set PATH=VALUE]...}. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a policy checkpoint with a recipe's environment, policy type and evaluation settings.",
            "CHECKPOINT_DIR is a stage's checkpoint folder (runs/X/checkpoints/final) or the policy folder in it."})
final class EvalCommand implements Callable<Integer> {

    @ParentCommand
    Kaizen kaizen;

    @Mixin
    GlobalOptions global;

    @Parameters(index = "0", paramLabel = "RECIPE", description = "The recipe whose policy type and evaluation to use.")
    String recipe;

    @Option(names = "--policy", required = true, paramLabel = "CHECKPOINT_DIR", description = "The checkpoint to load.")
    Path policy;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/NAME-eval-yyyyMMdd-HHmmss).")
    Path out;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a recipe field; repeatable.")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        kaizen.configure(global);
        if (!Files.isDirectory(policy)) {
            throw new BadInputException("--policy " + policy + ": no such checkpoint folder");
        }
        Recipe loaded = kaizen.recipeLoader().load(kaizen.recipeFile(recipe), sets);
        Map<String, String> references = new TreeMap<>(loaded.environmentReferences());
        references.keySet().removeIf(pointer -> pointer.startsWith("/method/"));
        Recipe evaluation = new Recipe(loaded.name() + "-eval", loaded.description(), loaded.seed(), loaded.environment(),
                loaded.policy(), new EvaluateMethodConfig(policy.toAbsolutePath().normalize().toString()),
                loaded.evaluation(), loaded.rollout(), references);
        warnIfTrainedElsewhere(loaded);
        Path directory = out != null ? out : kaizen.defaultRunDirectory(evaluation.name());
        Summary summary = kaizen.runner().run(evaluation, directory);
        Results.print(kaizen.out(), directory, summary);
        return "completed".equals(summary.status()) ? Kaizen.OK : Kaizen.FAILED;
    }

    /**
     * Warns when the checkpoint's run (its {@code recipe.yaml}, two folders up from a stage's
     * checkpoint) trained on another environment than the one this recipe evaluates on.
     */
    private void warnIfTrainedElsewhere(Recipe recipe) {
        Path stage = Files.isDirectory(policy.resolve("policy")) ? policy : policy.toAbsolutePath().getParent();
        Path runRecipe = stage == null || stage.getParent() == null ? null
                : stage.toAbsolutePath().getParent().getParent().resolve("recipe.yaml");
        if (runRecipe == null || !Files.isRegularFile(runRecipe)) {
            return;
        }
        ConfigBinder binder = kaizen.recipeLoader().binder();
        try {
            JsonNode node = binder.yaml().readTree(runRecipe.toFile()).path("environment");
            // masked on both sides: the trees are printed, and a recipe.yaml holds secrets masked
            JsonNode trained = binder.maskedTree(binder.bind(node, EnvironmentConfig.class, "environment"));
            JsonNode evaluated = binder.maskedTree(recipe.environment());
            if (!trained.equals(evaluated)) {
                kaizen.err().println("kaizen: warning: the checkpoint was trained on environment " + trained
                        + " (" + runRecipe + "), and is evaluated on " + evaluated);
            }
        } catch (IOException | RuntimeException e) {
            // the warning is only a hint
        }
    }
}
