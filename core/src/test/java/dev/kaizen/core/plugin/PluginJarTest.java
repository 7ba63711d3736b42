package dev.kaizen.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.kaizen.api.env.EnvironmentFactory;
import dev.kaizen.core.run.provenance.PartProvenance;
import dev.kaizen.core.run.provenance.PluginProvenance;
import dev.kaizen.core.run.provenance.ProcessProvenance;
import dev.kaizen.core.run.provenance.RunProvenance;
import dev.kaizen.core.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a real plugin from Java source in a temporary folder (compiled with javax.tools, packed
 * as a jar with a PF4J manifest and {@code META-INF/extensions.idx}), drops it into a plugins
 * directory and loads it through PF4J, beside broken files; a run records its checksum.
 */
@SuppressWarnings("rawtypes") // EnvironmentFactory.class is the raw extension point
class PluginJarTest {

    static final String CONFIG = """
            package com.example.greeting;

            import dev.kaizen.api.env.EnvironmentConfig;

            public record GreetingConfig(String word, Integer tasks) implements EnvironmentConfig {
                public GreetingConfig {
                    word = word == null ? "hello" : word;
                    tasks = tasks == null ? 3 : tasks;
                    if (tasks < 1) {
                        throw new IllegalArgumentException("tasks must be >= 1, got " + tasks);
                    }
                }
            }
            """;

    static final String FACTORY = """
            package com.example.greeting;

            import dev.kaizen.api.ComponentContext;
            import dev.kaizen.api.env.Action;
            import dev.kaizen.api.env.Environment;
            import dev.kaizen.api.env.EnvironmentFactory;
            import dev.kaizen.api.env.Episode;
            import dev.kaizen.api.env.Observation;
            import dev.kaizen.api.env.Split;
            import dev.kaizen.api.env.Task;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.Map;
            import org.pf4j.Extension;

            @Extension
            public final class GreetingFactory implements EnvironmentFactory<GreetingConfig> {
                @Override public String name() { return "greeting"; }
                @Override public Class<GreetingConfig> configType() { return GreetingConfig.class; }
                @Override public String description() { return "say the word you are asked to say"; }
                @Override public Map<String, String> provenance() { return Map.of("phrasebook", "2.1"); }

                @Override
                public Environment create(GreetingConfig config, ComponentContext context) {
                    return new Environment() {
                        @Override
                        public List<Task> tasks(Split split) {
                            List<Task> tasks = new ArrayList<>();
                            for (int i = 0; i < config.tasks(); i++) {
                                tasks.add(new Task(split + "-" + i, split, "say " + config.word()));
                            }
                            return tasks;
                        }

                        @Override
                        public Episode reset(Task task, long seed) {
                            return new Episode() {
                                private Observation observation = new Observation(task.instruction(),
                                        List.of(Action.of("say[" + config.word() + "]"), Action.of("say[bye]")),
                                        List.of(), false, 0.0, Map.of());

                                @Override public Task task() { return task; }
                                @Override public Observation observation() { return observation; }

                                @Override
                                public Observation step(Action action) {
                                    double reward = action.argument().equals(config.word()) ? 1.0 : 0.0;
                                    observation = new Observation("you said " + action.argument(), List.of(), List.of(),
                                            true, reward, Map.of());
                                    return observation;
                                }
                            };
                        }
                    };
                }
            }
            """;

    private static final String FAILING_PLUGIN = """
            package com.example.failing;

            public class FailingPlugin extends org.pf4j.Plugin {
                @Override
                public void start() {
                    throw new IllegalStateException("licence server unreachable");
                }
            }
            """;

    @TempDir
    static Path build;

    @TempDir
    Path plugins;

    static Path classes;

    @BeforeAll
    static void compile() throws IOException {
        classes = PluginFiles.compile(build.resolve("classes"), List.of(), CONFIG, FACTORY, FAILING_PLUGIN);
        PluginFiles.index(classes, "com.example.greeting.GreetingFactory");
    }

    /** A plugin jar of the greeting classes. */
    static Path jar(Path target, String id, String pluginClass) throws IOException {
        return PluginFiles.pluginJar(target, classes, id, pluginClass);
    }

    /** A plugin zip of the greeting classes. */
    static Path zip(Path target, String id) throws IOException {
        return PluginFiles.pluginZip(target, classes, id, List.of());
    }

    @Test
    void aJarDroppedIntoThePluginsDirectoryIsLoadedAndBrokenFilesAreReportedByName() throws IOException {
        jar(plugins.resolve("greeting-1.0.0.jar"), "greeting", null);
        Files.writeString(plugins.resolve("broken.jar"), "this is not a jar");
        Files.write(plugins.resolve("truncated.zip"), new byte[] {'P', 'K', 3, 4, 0, 0});
        Files.writeString(plugins.resolve("README.txt"), "not a plugin, ignored");

        try (PluginHost host = PluginHost.load(plugins)) {
            var environments = host.extensions(EnvironmentFactory.class);
            assertThat(environments).anySatisfy(found -> {
                assertThat(found.origin()).isEqualTo("greeting");
                assertThat(found.extension().name()).isEqualTo("greeting");
            });
            assertThat(environments).anySatisfy(found -> assertThat(found.origin()).isEqualTo("classpath"));
            assertThat(host.plugins()).singleElement().satisfies(plugin -> {
                assertThat(plugin.id()).isEqualTo("greeting");
                assertThat(plugin.state()).isEqualTo("STARTED");
            });
            assertThat(host.failures()).extracting(PluginFailure::file).containsExactly("broken.jar", "truncated.zip");
            assertThat(host.failures().get(0).reason()).startsWith("not a readable jar");
        }
    }

    @Test
    void theNextCommandPicksUpAJarCopiedInWithNothingRebuilt() throws Exception {
        Cli.Result before = Cli.run("components", "--kind", "environment", "--plugins", plugins.toString());
        assertThat(before.code()).isZero();
        assertThat(before.out()).doesNotContain("greeting");

        Path elsewhere = jar(build.resolve("greeting-elsewhere.jar"), "greeting", null);
        Files.copy(elsewhere, plugins.resolve("greeting-1.0.0.jar"));
        Files.writeString(plugins.resolve("broken.jar"), "garbage");

        Cli.Result after = Cli.run("components", "--kind", "environment", "--plugins", plugins.toString());
        assertThat(after.code()).as(after.toString()).isZero();
        assertThat(after.out()).containsPattern("environment\\s+greeting\\s+greeting\\s+say the word you are asked to say")
                .contains("    word: \"hello\"", "    tasks: 3");
        assertThat(after.err()).startsWith("kaizen: plugin broken.jar skipped: not a readable jar");

        Cli.Result listed = Cli.run(Map.of("KAIZEN_PLUGINS", plugins.toString()), "", "plugins");
        assertThat(listed.code()).isZero();
        assertThat(listed.out()).containsPattern("greeting\\s+1\\.0\\.0\\s+STARTED").contains("problems:",
                "  broken.jar: FAILED: not a readable jar");
    }

    @Test
    void aRecipeRunsWithThePluginsEnvironment() throws Exception {
        jar(plugins.resolve("greeting.jar"), "greeting", null);
        Path recipe = Files.writeString(plugins.getParent().resolve("greet-" + plugins.getFileName() + ".yaml"), """
                name: greet
                environment: {type: greeting, word: hello, tasks: 4}
                policy: {type: first-action}
                evaluation: {splits: [unseen]}
                """);
        Path out = plugins.getParent().resolve("run-" + plugins.getFileName());
        Cli.Result result = Cli.run("run", recipe.toString(), "--out", out.toString(), "--plugins", plugins.toString());
        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"episodes\" : 4", "\"successRate\" : 1.0");
        Cli.Result wrong = Cli.run("run", recipe.toString(), "--out", out.resolve("x").toString(),
                "--plugins", plugins.toString(), "--set", "environment.tasks=0");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("environment: tasks must be >= 1, got 0");
    }

    @Test
    void aRunRecordsThePluginZipsChecksumAndWhatThePluginSaysItsPartDependsOn() throws Exception {
        Path zip = zip(plugins.resolve("greeting-plugin-2.0.0.zip"), "greeting-zip");
        Path recipe = Files.writeString(plugins.getParent().resolve("greet-" + plugins.getFileName() + ".yaml"), """
                name: greet
                environment: {type: greeting, tasks: 2}
                policy: {type: first-action}
                evaluation: {splits: [unseen]}
                """);
        Path out = plugins.getParent().resolve("run-" + plugins.getFileName());
        Cli.Result result = Cli.run("run", recipe.toString(), "--out", out.toString(), "--plugins", plugins.toString());
        assertThat(result.code()).as(result.toString()).isZero();

        ProcessProvenance process = RunProvenance.read(out.resolve("run.json")).processes().get(0);
        assertThat(process.plugins()).containsExactly(new PluginProvenance("greeting-zip", "2.0.0",
                "greeting-plugin-2.0.0.zip", HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip)))));
        assertThat(process.parts().get("environment")).isEqualTo(new PartProvenance("greeting", "greeting-zip",
                Map.of("phrasebook", "2.1")));
    }

    @Test
    void zipPluginsAreExpandedAndLoaded() throws IOException {
        zip(plugins.resolve("greeting-plugin-2.0.0.zip"), "greeting-zip");
        try (PluginHost host = PluginHost.load(plugins)) {
            assertThat(host.failures()).isEmpty();
            assertThat(host.plugins()).singleElement().satisfies(plugin -> {
                assertThat(plugin.id()).isEqualTo("greeting-zip");
                assertThat(plugin.version()).isEqualTo("2.0.0");
                assertThat(plugin.path()).isEqualTo(plugins.resolve("greeting-plugin-2.0.0"));
            });
            assertThat(host.extensions(EnvironmentFactory.class)).extracting(LoadedExtension::origin)
                    .contains("greeting-zip");
        }
    }

    @Test
    void aPluginThatFailsToStartIsReportedAndTheOthersLoad() throws IOException {
        jar(plugins.resolve("a-failing.jar"), "failing", "com.example.failing.FailingPlugin");
        zip(plugins.resolve("greeting.zip"), "greeting");
        try (PluginHost host = PluginHost.load(plugins)) {
            assertThat(host.failures()).singleElement().satisfies(failure -> {
                assertThat(failure.file()).isEqualTo("a-failing.jar");
                assertThat(failure.line()).isEqualTo("a-failing.jar: FAILED: plugin 'failing' failed to start: "
                        + "licence server unreachable");
            });
            assertThat(host.extensions(EnvironmentFactory.class)).extracting(LoadedExtension::origin)
                    .contains("greeting").doesNotContain("failing");
            assertThat(host.plugins()).extracting(PluginInfo::id, PluginInfo::state)
                    .containsExactly(tuple("failing", "FAILED"), tuple("greeting", "STARTED"));
        }
    }

    @Test
    void aPluginWhoseIndexOrPluginClassNamesAClassItLacksFailsNamingTheClass() throws IOException {
        Path misindexed = Files.createDirectories(build.resolve("misindexed-" + plugins.getFileName()));
        for (Path file : Files.walk(classes).filter(Files::isRegularFile).toList()) {
            Files.copy(file, Files.createDirectories(misindexed.resolve(classes.relativize(file)).getParent())
                    .resolve(file.getFileName()));
        }
        PluginFiles.index(misindexed, "com.example.greeting.GreetingFactory", "com.example.greeting.Farewell");
        PluginFiles.pluginJar(plugins.resolve("misindexed.jar"), misindexed, "misindexed", null);
        jar(plugins.resolve("no-class.jar"), "no-class", "com.example.greeting.GreetingPlugin");
        zip(plugins.resolve("greeting.zip"), "greeting");
        Cli.Result listed = Cli.run("plugins", "--plugins", plugins.toString());
        assertThat(listed.out()).containsPattern("misindexed\\s+1\\.0\\.0\\s+FAILED")
                .containsPattern("no-class\\s+1\\.0\\.0\\s+FAILED").containsPattern("greeting\\s+2\\.0\\.0\\s+STARTED")
                .contains("  misindexed.jar: FAILED: plugin 'misindexed' lists extension com.example.greeting.Farewell "
                        + "in META-INF/extensions.idx, but that class is not in the plugin; rebuild the plugin so that "
                        + "the index lists its own classes",
                        "  no-class.jar: FAILED: plugin 'no-class' has Plugin-Class com.example.greeting.GreetingPlugin, "
                        + "which is not in the plugin; correct Plugin-Class in its manifest (plugin.class in "
                        + "plugin.properties), or rebuild the plugin");
    }

    @Test
    void aNameTwoPluginsClaimBlocksOnlyTheRecipesThatUseItAndBothAreShownInConflict() throws IOException {
        jar(plugins.resolve("greeting.jar"), "greeting", null);
        zip(plugins.resolve("greeting-copy.zip"), "greeting-copy");
        String claim = "environment 'greeting' is claimed by plugin 'greeting' (greeting.jar) and plugin "
                + "'greeting-copy' (greeting-copy.zip); recipes that name it are refused until all but one are "
                + "removed from the plugins directory";
        Cli.Result components = Cli.run("components", "--plugins", plugins.toString());
        assertThat(components.code()).as(components.toString()).isZero();
        assertThat(components.err()).contains("kaizen: " + claim);

        Cli.Result listed = Cli.run("plugins", "--plugins", plugins.toString());
        assertThat(listed.out()).containsPattern("greeting\\s+1\\.0\\.0\\s+CONFLICT")
                .containsPattern("greeting-copy\\s+2\\.0\\.0\\s+CONFLICT")
                .contains("  greeting.jar: CONFLICT: " + claim, "  greeting-copy.zip: CONFLICT: " + claim);

        Path recipe = Files.writeString(plugins.getParent().resolve("greet-" + plugins.getFileName() + ".yaml"),
                "environment: {type: greeting}\npolicy: {type: first-action}\n");
        Cli.Result refused = Cli.run("run", recipe.toString(), "--plugins", plugins.toString(), "--out",
                plugins.getParent().resolve("refused-" + plugins.getFileName()).toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("environment.type: " + claim);

        Path other = Files.writeString(plugins.getParent().resolve("count-" + plugins.getFileName() + ".yaml"), """
                environment: {type: test}
                policy: {type: first-action}
                evaluation: {splits: [unseen]}
                """);
        Cli.Result ran = Cli.run("run", other.toString(), "--plugins", plugins.toString(), "--out",
                plugins.getParent().resolve("ran-" + plugins.getFileName()).toString());
        assertThat(ran.code()).as(ran.toString()).isZero();
    }

    @Test
    void aSecondFileWithATakenPluginIdIsOneConflictLine() throws IOException {
        jar(plugins.resolve("one.jar"), "greeting", null);
        jar(plugins.resolve("two.jar"), "greeting", null);
        try (PluginHost host = PluginHost.load(plugins)) {
            assertThat(host.plugins()).extracting(PluginInfo::id, PluginInfo::state)
                    .containsExactly(tuple("greeting", "STARTED"), tuple("greeting", "CONFLICT"));
            assertThat(host.failures()).singleElement().extracting(PluginFailure::line).isEqualTo(
                    "two.jar: CONFLICT: plugin 'greeting' has the id of one.jar, which is loaded; remove one of the two files");
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> listing = Files.list(plugins)) {
            listing.forEach(p -> names.add(p.getFileName().toString()));
        }
        assertThat(names).containsExactlyInAnyOrder("one.jar", "two.jar");
    }
}
