package dev.kaizen.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.core.BadInputException;
import dev.kaizen.core.testing.Cli;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's plugins directories add to the built-in ones ({@code --plugins}, repeatable, and
 * {@code KAIZEN_PLUGINS}, a path list), with real plugins: {@code greeting} built in, {@code farewell}
 * the user's; zips of a directory the user cannot write are expanded in the user's cache.
 */
class PluginDirectoriesTest {

    @TempDir
    static Path build;

    @TempDir
    Path dir;

    static Path greeting;
    static Path farewell;

    @BeforeAll
    static void compile() throws IOException {
        greeting = PluginFiles.compile(build.resolve("greeting"), List.of(), PluginJarTest.CONFIG, PluginJarTest.FACTORY);
        PluginFiles.index(greeting, "com.example.greeting.GreetingFactory");
        farewell = PluginFiles.compile(build.resolve("farewell"), List.of(), renamed(PluginJarTest.CONFIG),
                renamed(PluginJarTest.FACTORY));
        PluginFiles.index(farewell, "com.example.farewell.FarewellFactory");
    }

    private static String renamed(String source) {
        return source.replace("greeting", "farewell").replace("Greeting", "Farewell");
    }

    /** {@code KAIZEN_HOME} with the greeting plugin built in, and the farewell plugin in {@code mine}. */
    private Map<String, String> installation(Path mine) throws IOException {
        Path home = dir.resolve("home");
        PluginFiles.pluginJar(Files.createDirectories(home.resolve("plugins")).resolve("greeting.jar"), greeting,
                "greeting", null);
        PluginFiles.pluginJar(Files.createDirectories(mine).resolve("farewell.jar"), farewell, "farewell", null);
        return Map.of("KAIZEN_HOME", home.toString(), "KAIZEN_CACHE", dir.resolve("cache").toString());
    }

    @Test
    void directoriesComeInOrderBuiltInsThenTheVariablesListThenTheFlagsEachOnce() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Path c = Files.createDirectories(dir.resolve("c"));
        Map<String, String> environment = Map.of("KAIZEN_HOME", dir.resolve("home").toString(),
                "KAIZEN_PLUGINS", a + File.pathSeparator + File.pathSeparator + b, "KAIZEN_CACHE", dir.resolve("cache").toString());

        PluginDirectories all = PluginDirectories.resolve(environment, List.of(c, a), true);
        assertThat(all.directories()).containsExactly(dir.resolve("home/plugins"), a, b, c);
        assertThat(all.unpackDirectory()).isEqualTo(dir.resolve("cache/plugins"));
        assertThat(PluginDirectories.resolve(environment, List.of(c), false).directories()).containsExactly(a, b, c);
        assertThat(PluginDirectories.resolve(Map.of("XDG_CACHE_HOME", "/x"), List.of(), true))
                .isEqualTo(new PluginDirectories(List.of(), Path.of("/x/kaizen/plugins")));
    }

    @Test
    void aMissingDirectorySaysWhereItWasNamed() {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> PluginDirectories.resolve(Map.of(), List.of(missing), true))
                .isInstanceOf(BadInputException.class)
                .hasMessage("plugins directory " + missing + " does not exist (from --plugins); name an existing "
                        + "directory, or leave it out");
        assertThatThrownBy(() -> PluginDirectories.resolve(Map.of("KAIZEN_PLUGINS", missing.toString()), List.of(), true))
                .isInstanceOf(BadInputException.class).hasMessageContaining("(from KAIZEN_PLUGINS)");
    }

    @Test
    void aUsersPluginLoadsBesideTheBuiltInsByFlagOrVariable() throws IOException {
        Path mine = dir.resolve("my-plugins");
        Map<String, String> environment = installation(mine);

        Cli.Result byFlag = Cli.run(environment, "", "components", "--kind", "environment", "--plugins", mine.toString());
        assertThat(byFlag.code()).as(byFlag.toString()).isZero();
        assertThat(byFlag.out()).containsPattern("environment\\s+greeting\\s+greeting")
                .containsPattern("environment\\s+farewell\\s+farewell");

        Map<String, String> withVariable = new java.util.HashMap<>(environment);
        withVariable.put("KAIZEN_PLUGINS", mine.toString());
        Cli.Result listed = Cli.run(withVariable, "", "plugins");
        assertThat(listed.code()).as(listed.toString()).isZero();
        assertThat(listed.out()).contains("plugins directories: " + dir.resolve("home/plugins") + ", " + mine)
                .containsPattern("farewell\\s+1\\.0\\.0\\s+STARTED").containsPattern("greeting\\s+1\\.0\\.0\\s+STARTED");

        Cli.Result only = Cli.run(environment, "", "components", "--kind", "environment", "--no-builtin-plugins",
                "--plugins", mine.toString());
        assertThat(only.code()).as(only.toString()).isZero();
        assertThat(only.out()).contains("farewell").doesNotContain("greeting");
    }

    @Test
    void aZipInADirectoryThatCannotBeWrittenIsExpandedInTheUsersCache() throws IOException {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Path zip = PluginFiles.pluginZip(shared.resolve("farewell-1.0.0.zip"), farewell, "farewell", List.of());
        Path cache = dir.resolve("cache");

        Path expanded = ZipExpansion.expand(zip, cache, false);
        assertThat(expanded.getParent().getParent()).isEqualTo(cache);
        assertThat(expanded.getFileName()).hasToString("farewell-1.0.0");
        assertThat(expanded.resolve("classes")).isDirectory();
        assertThat(shared).isDirectoryNotContaining(path -> Files.isDirectory(path));
        assertThat(ZipExpansion.expand(zip, cache, false)).as("the same folder the next time").isEqualTo(expanded);

        assertThat(ZipExpansion.expand(zip, cache, true)).as("beside the zip where the directory can be written")
                .isEqualTo(shared.resolve("farewell-1.0.0"));
    }
}
