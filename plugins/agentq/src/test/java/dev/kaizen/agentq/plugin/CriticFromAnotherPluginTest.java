package dev.kaizen.agentq.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.cli.Kaizen;
import dev.kaizen.core.rollout.ProgressDisplay;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vendor ships a critic as a closed plugin jar; a recipe selects it by name for AgentQ's search.
 * The jar is compiled here, loaded by the host from a plugins directory, and must steer the pairs.
 */
class CriticFromAnotherPluginTest {

    private static final String CONFIG = """
            package vendor.critic;

            import dev.kaizen.api.critic.CriticConfig;

            public record FavouriteCriticConfig(String favourite) implements CriticConfig {
                public FavouriteCriticConfig {
                    if (favourite == null || favourite.isBlank()) {
                        throw new IllegalArgumentException("favourite must name an action, got " + favourite);
                    }
                }
            }
            """;

    private static final String FACTORY = """
            package vendor.critic;

            import dev.kaizen.api.ComponentContext;
            import dev.kaizen.api.critic.Critic;
            import dev.kaizen.api.critic.CriticFactory;
            import java.util.Arrays;
            import org.pf4j.Extension;

            /** Scores its favourite action 1 and everything else 0. */
            @Extension
            public final class FavouriteCriticFactory implements CriticFactory<FavouriteCriticConfig> {
                public String name() { return "favourite-critic"; }
                public Class<FavouriteCriticConfig> configType() { return FavouriteCriticConfig.class; }
                public Critic create(FavouriteCriticConfig config, ComponentContext context) {
                    return (contexts, candidates) -> candidates.stream().map(list -> {
                        double[] scores = new double[list.size()];
                        for (int j = 0; j < scores.length; j++) {
                            scores[j] = list.get(j).text().equals(config.favourite()) ? 1.0 : 0.0;
                        }
                        return scores;
                    }).toList();
                }
                public String description() { return "a vendor's critic"; }
            }
            """;

    @TempDir
    Path dir;

    private Path plugins;

    @BeforeEach
    void buildPlugin() throws Exception {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        TestPluginJar.build(dir.resolve("build"), plugins, "vendor-critic", "1.0.0",
                Map.of("vendor.critic.FavouriteCriticConfig", CONFIG, "vendor.critic.FavouriteCriticFactory", FACTORY),
                List.of("vendor.critic.FavouriteCriticFactory"));
    }

    private record Result(int code, String out, String err) {
    }

    private Result kaizen(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--plugins");
        all.add(plugins.toString());
        int code = new Kaizen(Map.of(), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ProgressDisplay.Mode.NONE, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC))
                .execute(all.toArray(String[]::new));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path recipe(String critic) throws Exception {
        return Files.writeString(dir.resolve("agentq-vendor.yaml"), """
                name: agentq-vendor
                seed: 7
                environment: {type: test}
                policy: {type: tabular}
                method:
                  type: agentq
                  demonstrations: 5
                  warmupOptimizer: {type: tabular-bc}
                  iterations: 1
                  tasksPerIteration: 6
                  alpha: 0.0
                  search: {type: mcts, simulations: 4, proposals: 3, expansionTemperature: 0}
                  critic: %s
                  optimizer: {type: tabular-bc}
                  inferenceSearch: {type: mcts, simulations: 4, proposals: 3, expansionTemperature: 0}
                  inferenceCritic: {type: policy-critic}
                  searchBaseline: false
                evaluation: {episodes: 5}
                """.formatted(critic));
    }

    @Test
    void aCriticFromAPluginJarIsSelectedByNameAndSteersThePairs() throws Exception {
        Result components = kaizen("components");
        assertThat(components.code()).as(components.err()).isZero();
        assertThat(components.out()).contains("favourite-critic", "vendor-critic", "policy-critic", "mcts");

        Path out = dir.resolve("run");
        Result run = kaizen("run", recipe("{type: favourite-critic, favourite: \"click[-1]\"}").toString(),
                "--out", out.toString());
        assertThat(run.code()).as(run.out() + run.err()).isZero();

        // α = 0: the preference value is the critic's score alone, so every pair prefers the favourite
        List<String> lines = Files.readAllLines(out.resolve("pairs/final.jsonl"));
        assertThat(lines).isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode pair = json.readTree(line);
            assertThat(pair.path("chosen").get(0).path("action").asText()).isEqualTo("click[-1]");
            assertThat(pair.path("rejected").get(0).path("action").asText()).isNotEqualTo("click[-1]");
        }
        assertThat(Files.readString(out.resolve("recipe.yaml"))).contains("favourite-critic");
        JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("evaluations").findValuesAsText("search")).contains("greedy", "mcts");
    }

    @Test
    void aMisspelledCriticListsTheKnownOnes() throws Exception {
        Result run = kaizen("run", recipe("{type: favorite-critic, favourite: \"click[-1]\"}").toString(),
                "--out", dir.resolve("bad").toString());
        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("favorite-critic").contains("favourite-critic").contains("policy-critic");
    }

    @Test
    void theVendorsOwnValidationReachesTheUser() throws Exception {
        Result run = kaizen("run", recipe("{type: favourite-critic}").toString(), "--out", dir.resolve("bad").toString());
        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("favourite must name an action");
    }
}
