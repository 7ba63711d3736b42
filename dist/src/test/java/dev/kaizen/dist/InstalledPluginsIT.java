package dev.kaizen.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.core.cli.Kaizen;
import dev.kaizen.core.rollout.ProgressDisplay;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled tree ({@code target/kaizen}) as {@code bin/kaizen} runs it: every shipped plugin
 * loads with its own class loader, which sees of the host only the shared packages, and a shipped
 * recipe runs with them all. The plugin zips are copied to a temporary plugins directory so that
 * the tree stays as built.
 */
class InstalledPluginsIT {

    private static final Path HOME = Path.of("target", "kaizen").toAbsolutePath();

    @TempDir
    Path plugins;

    @TempDir
    Path runs;

    private List<String> ids;

    @BeforeEach
    void copyThePlugins() throws IOException {
        try (Stream<Path> zips = Files.list(HOME.resolve("plugins"))) {
            for (Path zip : zips.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().toList()) {
                Files.copy(zip, plugins.resolve(zip.getFileName()));
            }
        }
        try (Stream<Path> zips = Files.list(plugins)) {
            ids = zips.map(p -> p.getFileName().toString().replaceFirst("^kaizen-plugin-(.+)-[^-]+-SNAPSHOT\\.zip$", "$1"))
                    .sorted().toList();
        }
        assertThat(ids).contains("shop", "djl", "eto", "agentq", "stepagent", "rememberer", "llm", "agentgym");
    }

    private record Result(int code, String out, String err) {
    }

    /** Kaizen on the copied plugins only ({@code --no-builtin-plugins}: the tree's own zips stay as built). */
    private Result kaizen(String... args) {
        List<String> line = new java.util.ArrayList<>(List.of("--no-builtin-plugins"));
        line.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Kaizen(Map.of("KAIZEN_HOME", HOME.toString(), "KAIZEN_PLUGINS", plugins.toString()),
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ProgressDisplay.Mode.NONE, Clock.systemUTC())
                .execute(line.toArray(String[]::new));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyShippedPluginStartsWithItsOwnLibrariesAndAShippedRecipeRunsWithThemAll() throws IOException {
        Result listed = kaizen("plugins");
        assertThat(listed.code()).as(listed.err()).isZero();
        for (String id : ids) {
            assertThat(listed.out()).as(listed.out()).containsPattern("(?m)^" + id + "\\s+\\S+\\s+STARTED\\s");
        }
        assertThat(listed.out()).doesNotContain("problems:");

        Result components = kaizen("components");
        assertThat(components.code()).as(components.err()).isZero();
        assertThat(components.err()).isEmpty();
        assertThat(components.out()).containsPattern("environment\\s+shop\\s+shop\\s")
                .containsPattern("policy\\s+djl-scorer\\s+djl\\s").containsPattern("policy\\s+llm\\s+llm\\s")
                .containsPattern("environment\\s+agentgym\\s+agentgym\\s").containsPattern("memory\\s+lucene\\s+rememberer\\s");

        Path run = runs.resolve("bc-shop");
        Result ran = kaizen("run", "bc-shop", "--out", run.toString());
        assertThat(ran.code()).as(ran.err()).isZero();
        assertThat(ran.err()).doesNotContain("kaizen: plugin");
        assertThat(Files.readString(run.resolve("summary.json"))).contains("\"status\" : \"completed\"");
    }
}
