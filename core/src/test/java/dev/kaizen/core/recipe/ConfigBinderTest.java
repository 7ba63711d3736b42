package dev.kaizen.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.api.env.Split;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.testing.TabularBcConfig;
import dev.kaizen.api.testing.TabularPolicyConfig;
import dev.kaizen.core.BadInputException;
import dev.kaizen.core.builtin.BcMethodConfig;
import dev.kaizen.core.builtin.EvaluateMethodConfig;
import dev.kaizen.core.builtin.GreedySearchConfig;
import dev.kaizen.core.builtin.NoneCriticConfig;
import dev.kaizen.core.builtin.SampleSearchConfig;
import dev.kaizen.core.plugin.PluginDirectories;
import dev.kaizen.core.plugin.PluginHost;
import dev.kaizen.core.registry.ComponentRegistry;
import dev.kaizen.core.run.HostComponentContext;
import dev.kaizen.core.rollout.ProgressDisplay;
import dev.kaizen.core.testing.IterateMethodConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ConfigBinderTest {

    private static final PluginHost HOST = PluginHost.load(PluginDirectories.none(Map.of()));
    private static final ConfigBinder BINDER = new ConfigBinder(new ComponentRegistry(HOST));
    private static final RecipeLoader LOADER = new RecipeLoader(BINDER, Map.of());

    @AfterAll
    static void close() {
        HOST.close();
    }

    @Test
    void aMinimalRecipeGetsEveryDefault() {
        Recipe recipe = LOADER.read("environment: {type: test}\npolicy: {type: tabular}\n", "min.yaml", "min", List.of());
        assertThat(recipe.name()).isEqualTo("min");
        assertThat(recipe.seed()).isEqualTo(7L);
        assertThat(recipe.description()).isEmpty();
        assertThat(recipe.environment()).isEqualTo(new CounterEnvironmentConfig());
        assertThat(recipe.policy()).isEqualTo(new TabularPolicyConfig());
        assertThat(recipe.method()).isEqualTo(new EvaluateMethodConfig(null));
        assertThat(recipe.evaluation().splits()).containsExactly(Split.SEEN, Split.UNSEEN);
        assertThat(recipe.evaluation().episodes()).isEqualTo(500);
        assertThat(recipe.evaluation().search()).isEqualTo(new GreedySearchConfig());
        assertThat(recipe.evaluation().critic()).isEqualTo(new NoneCriticConfig());
        assertThat(recipe.rollout()).isEqualTo(new RolloutSettings(256, 64, 1000));
        assertThat(recipe.rollout().mode()).isEqualTo(RolloutMode.LOCKSTEP);
        assertThat(recipe.rollout().gatherMillis()).isZero();
    }

    @Test
    void thePipelinedRolloutModeIsReadAndWrittenBack() {
        Recipe recipe = LOADER.read("""
                environment: {type: test}
                policy: {type: tabular}
                rollout: {mode: pipelined, batchSize: 64, gatherMillis: 5}
                """, "pipe.yaml", "pipe", List.of("rollout.threads=32"));
        assertThat(recipe.rollout()).isEqualTo(new RolloutSettings(64, 32, 1000, RolloutMode.PIPELINED, 5));
        String yaml = LOADER.toYaml(recipe);
        assertThat(yaml).contains("mode: pipelined", "gatherMillis: 5");
        assertThat(LOADER.read(yaml, "recipe.yaml", "other", List.of()).rollout()).isEqualTo(recipe.rollout());
        assertThat(LOADER.toYaml(LOADER.read("environment: {type: test}\npolicy: {type: tabular}\n", "min.yaml", "min",
                List.of()))).contains("mode: lockstep");
    }

    @Test
    void anchorsAliasesAndMergeKeysAreResolved() {
        Recipe recipe = LOADER.read("""
                seed: &seed 11
                environment: {type: test, train: *seed}
                policy: {type: tabular}
                method: {type: bc, demonstrations: 5, optimizer: {type: tabular-bc, epochs: 2}}
                evaluation:
                  search: {<<: {type: sample, samples: 2}, temperature: 0.5}
                rollout: {threads: *seed, batchSize: *seed}
                """, "alias.yaml", "alias", List.of());
        assertThat(recipe.seed()).isEqualTo(11L);
        assertThat(((CounterEnvironmentConfig) recipe.environment()).train()).isEqualTo(11);
        assertThat(recipe.method()).isEqualTo(new BcMethodConfig(5, new TabularBcConfig(null, 2), false));
        assertThat(recipe.evaluation().search()).isEqualTo(new SampleSearchConfig(2, 0.5));
        assertThat(recipe.rollout().threads()).isEqualTo(11);
        assertThat(recipe.rollout().batchSize()).isEqualTo(11);
    }

    @Test
    void nestedPartsGetTheirDeclaredDefaultsAndThoseDefaultsTheirOwn() {
        Recipe recipe = LOADER.read("""
                environment: {type: test}
                policy: {type: tabular}
                method: {type: iterate-test}
                """, "it.yaml", "it", List.of("method.explorer.samples=5"));
        IterateMethodConfig method = (IterateMethodConfig) recipe.method();
        assertThat(method.explorer()).isEqualTo(new SampleSearchConfig(5, 1.0));
        assertThat(method.optimizer()).isEqualTo(new TabularBcConfig(1.0, 1));
        assertThat(method.iterations()).isEqualTo(3);
    }

    @Test
    void theWrittenRecipeReadsBackToTheSameRecipe() {
        Recipe recipe = LOADER.read("""
                name: round
                description: "a: tricky # text"
                environment: {type: test, faultyTasks: [a, b]}
                policy: {type: tabular, initialLogit: 0.5}
                method: {type: bc, optimizer: {type: tabular-bc, epochs: 2}}
                evaluation: {splits: [unseen], search: {type: sample, samples: 2}}
                """, "round.yaml", "round", List.of("seed=12"));
        String yaml = LOADER.toYaml(recipe);
        assertThat(yaml).contains("type: bc", "type: tabular-bc", "epochs: 2", "demonstrations: 1000",
                "evaluateBaseline: false", "- unseen", "seed: 12");
        assertThat(LOADER.read(yaml, "recipe.yaml", "other", List.of())).isEqualTo(recipe);
        assertThat(((BcMethodConfig) recipe.method()).optimizer()).isEqualTo(new TabularBcConfig(null, 2));
    }

    @Test
    void hostContextReadsAndOverridesConfigsLikeRecipes() {
        HostComponentContext context = new HostComponentContext(7, null, (e, f) -> { }, ProgressDisplay.none(), BINDER,
                null);
        SampleSearchConfig sample = (SampleSearchConfig) context.config(dev.kaizen.api.search.SearchAlgorithmConfig.class,
                Map.of("type", "sample", "samples", 3));
        assertThat(sample).isEqualTo(new SampleSearchConfig(3, 1.0));
        assertThat(context.override(sample, Map.of("temperature", 0.5))).isEqualTo(new SampleSearchConfig(3, 0.5));
        BcMethodConfig bc = new BcMethodConfig(10, new TabularBcConfig(1.0, 1), false);
        assertThat(context.override(bc, Map.of("optimizer.epochs", 4)).optimizer()).isEqualTo(new TabularBcConfig(1.0, 4));
        assertThatThrownBy(() -> context.override(sample, Map.of("sample", 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot override search 'sample' with {sample=2}: sample=2: no field 'sample' at the top level; "
                        + "valid: [samples, temperature]; did you mean 'samples'?");
        assertThatThrownBy(() -> context.config(dev.kaizen.api.search.SearchAlgorithmConfig.class, Map.of("type", "mcts")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("search.type: unknown search 'mcts'; known: [greedy, sample]");
        assertThatThrownBy(() -> context.config(dev.kaizen.api.search.SearchAlgorithmConfig.class,
                Map.of("type", "sample", "samples", 0)))
                .hasMessage("search: samples must be >= 1, got 0");
    }

    @Test
    void partsAreBuiltThroughTheirFactories() {
        HostComponentContext context = new HostComponentContext(7, null, (e, f) -> { }, ProgressDisplay.none(), BINDER,
                null);
        assertThat(context.create(new CounterEnvironmentConfig()).tasks(Split.TRAIN)).hasSize(20);
        assertThatThrownBy(() -> context.create(new dev.kaizen.api.policy.PolicyConfig() { }))
                .hasMessageContaining("no registered part reads config");
    }
}
