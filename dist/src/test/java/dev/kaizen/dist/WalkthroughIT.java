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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Write your own environment plugin", followed as written from an empty directory:
 * the api installed from this checkout (step 1), the project's files taken from the README's code
 * blocks (steps 2–5), its shell block run in a home of its own (step 6: Maven builds the plugin, it
 * goes into {@code ~/my-plugins}, {@code KAIZEN_PLUGINS} names it), and the commands of steps 7 and 8
 * against the assembled installation, whose output must show what the README shows. Maven runs
 * offline on the build's local repository.
 */
class WalkthroughIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path INSTALLATION = Path.of("target", "kaizen").toAbsolutePath();

    @TempDir
    Path work;

    @Test
    void theReadmesPluginWalkthroughWorksAsWritten() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String guide = readme.substring(readme.indexOf("## Write your own environment plugin"),
                readme.indexOf("## Developing Kaizen"));
        Path home = Files.createDirectories(work.resolve("home"));
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(home.resolve(".m2/settings.xml"), "<settings><localRepository>"
                + System.getProperty("kaizen.localRepository") + "</localRepository><offline>true</offline></settings>");

        Matcher install = Pattern.compile("`(mvn [^`]*install[^`]*)` at the Kaizen root").matcher(guide);
        assertThat(install.find()).as("step 1 names the command that installs the api").isTrue();
        shell(install.group(1), ROOT, home);

        Path project = Files.createDirectories(work.resolve("rooms-plugin"));
        Files.writeString(project.resolve("pom.xml"), block(guide, "**2. A Maven project**", "xml"));
        Path sources = Files.createDirectories(project.resolve("src/main/java/com/example/rooms"));
        for (String file : List.of("RoomsConfig.java", "RoomsFactory.java", "RoomsEnvironment.java")) {
            Matcher step = Pattern.compile("\\*\\*\\d\\. [^*]*\\*\\* \\(`[^`]*" + Pattern.quote(file) + "`\\)").matcher(guide);
            assertThat(step.find()).as("a step gives " + file).isTrue();
            Files.writeString(sources.resolve(file), block(guide, step.group(), "java"));
        }
        List<String> built = shell(block(guide, "**6. Build it and drop it in**", "sh") + "\necho \"$KAIZEN_PLUGINS\"",
                project, home);
        Path mine = Path.of(built.get(built.size() - 1));
        assertThat(mine).isEqualTo(home.resolve("my-plugins"));
        assertThat(mine.resolve("rooms-plugin-1.0.0.jar")).isRegularFile();

        Map<String, String> environment = Map.of("KAIZEN_HOME", installationCopy().toString(),
                "KAIZEN_PLUGINS", mine.toString(), "KAIZEN_CACHE", work.resolve("cache").toString());
        String components = kaizen(environment, "", "components", "--kind", "environment");
        assertThat(components).containsPattern("environment\\s+rooms\\s+rooms\\s+fetch the named object from the named room")
                .contains("    rooms: 4", "    tasks: 200", "    maxSteps: 6")
                .containsPattern("environment\\s+shop\\s+shop\\s");
        String played = kaizen(environment, "quit\n", "play", "rooms");
        assertThat(played).startsWith("Task train-0 (train): fetch the ").contains("You are in the corridor. Doors:",
                "Actions:", "   1. go[");

        Path recipe = Files.writeString(work.resolve("rooms-bc.yaml"), block(guide, "**8. A recipe using it**", "yaml"));
        String ran = kaizen(environment, "", "run", recipe.toString(), "--out", work.resolve("run").toString());
        String shown = block(guide, "$ kaizen run rooms-bc.yaml", "");
        List<String> rows = shown.lines().filter(line -> line.startsWith("untrained") || line.startsWith("final")
                || line.startsWith("stage ")).toList();
        assertThat(rows).hasSize(5);
        assertThat(ran.lines().map(String::stripTrailing).toList()).as(ran).containsAll(rows);
        String kept = shown.lines().filter(line -> line.startsWith("kept stage: ")).findFirst().orElseThrow();
        assertThat(ran).contains(kept.substring(0, kept.indexOf("; its policy: ")));
    }

    /** The first fenced block of {@code language} after {@code marker} (for an empty language, the one that holds the marker). */
    private static String block(String text, String marker, String language) {
        int at = text.indexOf(marker);
        assertThat(at).as("the README has " + marker).isNotNegative();
        if (language.isEmpty()) {
            int start = text.lastIndexOf("```\n", at) + 4;
            return text.substring(start, text.indexOf("```", at));
        }
        int start = text.indexOf("```" + language + "\n", at) + language.length() + 4;
        return text.substring(start, text.indexOf("```", start));
    }

    /** Runs {@code script} with bash in {@code directory} with {@code HOME} set; its stdout lines. */
    private static List<String> shell(String script, Path directory, Path home) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-e", "-c", script).directory(directory.toFile())
                .redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("MAVEN_ARGS");
        Process process = builder.start();
        // Maven's colour codes are dropped: they come even with -q
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .replaceAll("\u001B\\[[;\\d]*m", "");
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(script + "\n" + output).isZero();
        return output.lines().toList();
    }

    /** The installation with its plugin zips copied, so that expanding them leaves the build's tree as built. */
    private Path installationCopy() throws IOException {
        Path copy = Files.createDirectories(work.resolve("kaizen/plugins"));
        try (Stream<Path> zips = Files.list(INSTALLATION.resolve("plugins"))) {
            for (Path zip : zips.filter(p -> p.getFileName().toString().endsWith(".zip")).toList()) {
                Files.copy(zip, copy.resolve(zip.getFileName()));
            }
        }
        return copy.getParent();
    }

    private static String kaizen(Map<String, String> environment, String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Kaizen(environment, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ProgressDisplay.Mode.NONE, Clock.systemUTC()).execute(args);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(String.join(" ", args) + "\n" + printed + err.toString(StandardCharsets.UTF_8)).isZero();
        return printed;
    }
}
