package dev.kaizen.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.core.plugin.PluginFiles;
import dev.kaizen.core.plugin.VendorPlugins;
import dev.kaizen.core.testing.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vendor's environment plugin, built outside the project, takes three secrets (two named like
 * secrets, one marked {@code @Secret}) and handles them carelessly: logs them, records them in a
 * metric, puts one in an error message. Given in the recipe, with {@code --set} or through
 * {@code ${env:NAME}}, none of them reaches a file of the run directory or a line on stdout, stderr
 * or the log, even with {@code --verbose}; a run whose secrets come from the environment resumes
 * with the variables set and says which one is missing otherwise.
 */
class SecretsTest {

    @TempDir
    static Path build;

    @TempDir
    Path dir;

    static Path classes;

    private final String license = "lic-" + UUID.randomUUID();
    private final String token = "tok-" + UUID.randomUUID();
    private final String passphrase = "pass-" + UUID.randomUUID();
    private Path plugins;

    @BeforeAll
    static void compile() throws IOException {
        classes = PluginFiles.compile(build.resolve("vault"), List.of(), VendorPlugins.config("vault"),
                VendorPlugins.factory("vault", "config.word()", ""));
        PluginFiles.index(classes, "com.vendor.vault.VendorFactory");
    }

    @BeforeEach
    void install() throws IOException {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginFiles.pluginJar(plugins.resolve("vault-1.0.jar"), classes, "vault", null);
    }

    private Path recipe(String environment) throws IOException {
        return Files.writeString(dir.resolve("vault.yaml"), """
                name: vault
                environment: %s
                policy: {type: tabular}
                method: {type: iterate-test, iterations: 2, tasks: 3}
                evaluation: {episodes: 3}
                """.formatted(environment));
    }

    /** Runs the command line with stderr also captured, where the log lines go. */
    private static Cli.Result run(Map<String, String> environment, List<String> logs, String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return Cli.run(environment, "", args);
        } finally {
            System.setErr(original);
            logs.add(captured.toString(StandardCharsets.UTF_8));
        }
    }

    private void assertNowhere(Path run, List<String> logs, Cli.Result... results) throws IOException {
        List<String> secrets = List.of(license, token, passphrase);
        // a run refused before it produced anything leaves no directory: nothing there to hold a secret
        try (Stream<Path> walk = Files.exists(run) ? Files.walk(run) : Stream.empty()) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertThat(content).as(file.toString()).doesNotContain(secret);
                }
            }
        }
        for (Cli.Result result : results) {
            for (String secret : secrets) {
                assertThat(result.out()).doesNotContain(secret);
                assertThat(result.err()).doesNotContain(secret);
            }
        }
        for (String log : logs) {
            for (String secret : secrets) {
                assertThat(log).doesNotContain(secret);
            }
        }
    }

    @Test
    void secretsGivenInTheRecipeWithSetAndFromTheEnvironmentAreInNoFileAndOnNoStream() throws IOException {
        Path recipe = recipe("{type: vault, licenseKey: " + license + ", vaultToken: '${env:VAULT_TOKEN}'}");
        Path run = dir.resolve("run");
        List<String> logs = new ArrayList<>();
        Cli.Result ran = run(Map.of("VAULT_TOKEN", token), logs, "run", recipe.toString(), "--out", run.toString(),
                "--plugins", plugins.toString(), "--set", "environment.passphrase=" + passphrase, "--verbose");
        assertThat(ran.code()).as(ran.toString()).isZero();
        assertThat(logs.get(0)).contains("licence ****** with token ****** and passphrase ******");

        String written = Files.readString(run.resolve("recipe.yaml"));
        assertThat(written).contains("licenseKey: '******'", "vaultToken: \"${env:VAULT_TOKEN}\"",
                "passphrase: '******'");
        assertThat(Files.readString(run.resolve("metrics.jsonl")))
                .contains("\"licenseKey\":\"******\"", "\"note\":\"opened with ****** and ******\"");

        Cli.Result resumed = run(Map.of("VAULT_TOKEN", token), logs, "run", "--resume", run.toString(),
                "--plugins", plugins.toString());
        assertThat(resumed.code()).as(resumed.toString()).isEqualTo(2);
        assertThat(resumed.err()).contains("kaizen: cannot resume " + run + ": recipe.yaml: environment.licenseKey is "
                + "'******', which Kaizen writes in place of a secret given as a value, so a run whose recipe had one "
                + "cannot be resumed; start a new run that reads it from the environment, e.g. licenseKey: ${env:NAME}");
        assertNowhere(run, logs, ran, resumed);
    }

    @Test
    void aRunWhoseSecretsComeFromTheEnvironmentResumesWithThemAndNamesTheOneThatIsMissing() throws IOException {
        Path recipe = recipe("{type: vault, licenseKey: '${env:VAULT_LICENSE}', vaultToken: '${env:VAULT_TOKEN}', "
                + "passphrase: '${env:VAULT_PASSPHRASE}'}");
        Map<String, String> environment = Map.of("VAULT_LICENSE", license, "VAULT_TOKEN", token,
                "VAULT_PASSPHRASE", passphrase);
        Path run = dir.resolve("run");
        List<String> logs = new ArrayList<>();
        Cli.Result ran = run(environment, logs, "run", recipe.toString(), "--out", run.toString(),
                "--plugins", plugins.toString());
        assertThat(ran.code()).as(ran.toString()).isZero();
        String summary = Files.readString(run.resolve("summary.json"));

        Cli.Result missing = run(Map.of("VAULT_LICENSE", license, "VAULT_PASSPHRASE", passphrase), logs,
                "run", "--resume", run.toString(), "--plugins", plugins.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("kaizen: cannot resume " + run + ": recipe.yaml: environment.vaultToken: "
                + "environment variable VAULT_TOKEN is not set; the recipe reads it with ${env:VAULT_TOKEN}: set it "
                + "(export VAULT_TOKEN=...) and run again");

        deleteLastStage(run);
        Cli.Result resumed = run(environment, logs, "run", "--resume", run.toString(), "--plugins", plugins.toString(),
                "--verbose");
        assertThat(resumed.code()).as(resumed.toString()).isZero();
        assertThat(resumed.err()).contains("resuming after stage iter-2");
        assertThat(Files.readString(run.resolve("summary.json"))).contains("\"status\" : \"completed\"")
                .contains(evaluations(summary));
        assertNowhere(run, logs, ran, missing, resumed);
    }

    @Test
    void aSecretInAPartsErrorMessageAndInComponentDefaultsIsMasked() throws IOException {
        String revoked = "revoked-" + license;
        Path recipe = recipe("{type: vault, licenseKey: " + revoked + "}");
        List<String> logs = new ArrayList<>();
        Cli.Result refused = run(Map.of(), logs, "run", recipe.toString(), "--out", dir.resolve("run").toString(),
                "--plugins", plugins.toString(), "--verbose");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("kaizen: environment 'vault': licence ****** was revoked")
                .doesNotContain(revoked);

        Cli.Result components = Cli.run("components", "--kind", "environment", "--plugins", plugins.toString());
        assertThat(components.out()).contains("    licenseKey: \"******\"", "    passphrase: (none)")
                .doesNotContain("demo-licence-0000");
        assertNowhere(dir.resolve("run"), logs, refused, components);
    }

    private static String evaluations(String summary) {
        return summary.substring(summary.indexOf("\"evaluations\""), summary.indexOf("]", summary.lastIndexOf("successCi95")));
    }

    private static void deleteLastStage(Path run) throws IOException {
        Path last = run.resolve("checkpoints/final");
        Supplier<Stream<Path>> walk = () -> {
            try {
                return Files.walk(last);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        try (Stream<Path> files = walk.get()) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
