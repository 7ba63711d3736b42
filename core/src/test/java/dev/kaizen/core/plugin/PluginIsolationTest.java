package dev.kaizen.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.kaizen.api.env.EnvironmentFactory;
import dev.kaizen.core.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins built as a vendor would, outside the project, see of the host only the shared packages:
 * one that uses a library the host has (Guava) without bundling it fails at load with the class and
 * what to do, while the others load; one that bundles another version of that library uses its own;
 * one whose bundled library needs a class nobody has is refused before the run (when its config is
 * read) or fails its run (when its part runs), naming the plugin.
 */
class PluginIsolationTest {

    /** The Guava 16 API that later Guavas (the host has 31) no longer have. */
    private static final String OLD_GUAVA = """
            package com.google.common.base;

            public final class Objects {
                private Objects() {
                }

                public static <T> T firstNonNull(T first, T second) {
                    return first != null ? first : second;
                }
            }
            """;

    /** A vendor library that uses Guava (as the host has it) without the plugin bundling Guava. */
    private static final String CHECKS = """
            package com.vendor.util;

            public final class Checks {
                private Checks() {
                }

                public static String orNone(String text) {
                    return com.google.common.base.Strings.isNullOrEmpty(text) ? "none" : text;
                }
            }
            """;

    @TempDir
    static Path build;

    @TempDir
    Path plugins;

    static Path oldGuava;
    static Path checks;
    static Path guavaUser;
    static Path checksUser;
    static Path plain;
    static Path configUser;

    @BeforeAll
    static void compile() throws IOException {
        oldGuava = PluginFiles.library(build.resolve("guava-16.0.1.jar"),
                PluginFiles.compile(build.resolve("guava"), List.of(), OLD_GUAVA));
        checks = PluginFiles.library(build.resolve("vendor-util-1.0.jar"),
                PluginFiles.compile(build.resolve("checks"), List.of(), CHECKS));
        guavaUser = PluginFiles.compile(build.resolve("acme"), List.of(oldGuava), VendorPlugins.config("acme"),
                VendorPlugins.factory("acme", "com.google.common.base.Objects.firstNonNull(config.word(), \"hi\")", ""));
        PluginFiles.index(guavaUser, "com.vendor.acme.VendorFactory");
        checksUser = PluginFiles.compile(build.resolve("late"), List.of(checks), VendorPlugins.config("late"),
                VendorPlugins.factory("late", "config.word()", "com.vendor.util.Checks.orNone(task.id());"));
        PluginFiles.index(checksUser, "com.vendor.late.VendorFactory");
        plain = PluginFiles.compile(build.resolve("plain"), List.of(), VendorPlugins.config("plain"),
                VendorPlugins.factory("plain", "config.word()", ""));
        PluginFiles.index(plain, "com.vendor.plain.VendorFactory");
        configUser = PluginFiles.compile(build.resolve("early"), List.of(checks),
                VendorPlugins.config("early", "word = com.vendor.util.Checks.orNone(word);"),
                VendorPlugins.factory("early", "config.word()", ""));
        PluginFiles.index(configUser, "com.vendor.early.VendorFactory");
    }

    private Path recipe(String type) throws IOException {
        return Files.writeString(plugins.getParent().resolve(type + "-" + plugins.getFileName() + ".yaml"),
                "environment: {type: " + type + "}\npolicy: {type: first-action}\nevaluation: {splits: [unseen]}\n");
    }

    private Path out(String name) {
        return plugins.getParent().resolve(name + "-run-" + plugins.getFileName());
    }

    @Test
    void aPluginUsingAHostLibraryItDoesNotBundleFailsWithTheClassAndWhatToDoWhileTheOthersLoad() throws Exception {
        PluginFiles.pluginJar(plugins.resolve("acme-1.0.jar"), guavaUser, "acme", null);
        PluginFiles.pluginJar(plugins.resolve("plain-1.0.jar"), plain, "plain", null);
        String reason = "cannot link: com.vendor.acme.VendorFactory needs class com.google.common.base.Objects, "
                + "which is neither in the plugin nor shared by the host; bundle the library that has it in the "
                + "plugin's lib/ (the host's copy, in guava-";
        try (PluginHost host = PluginHost.load(plugins)) {
            assertThat(host.plugins()).extracting(PluginInfo::id, PluginInfo::state)
                    .containsExactly(tuple("acme", "FAILED"), tuple("plain", "STARTED"));
            assertThat(host.failures()).singleElement().satisfies(failure -> {
                assertThat(failure.line()).startsWith("acme-1.0.jar: FAILED: plugin 'acme' " + reason)
                        .endsWith(", is not visible to plugins)");
            });
            assertThat(host.extensions(EnvironmentFactory.class)).extracting(LoadedExtension::origin)
                    .contains("plain").doesNotContain("acme");
        }

        Cli.Result listed = Cli.run("plugins", "--plugins", plugins.toString());
        assertThat(listed.code()).isZero();
        assertThat(listed.out()).containsPattern("acme\\s+1\\.0\\.0\\s+FAILED").containsPattern("plain\\s+1\\.0\\.0\\s+STARTED")
                .contains("  acme-1.0.jar: FAILED: plugin 'acme' " + reason);

        Cli.Result refused = Cli.run("run", recipe("acme").toString(), "--plugins", plugins.toString(),
                "--out", out("acme").toString());
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("environment.type: environment 'acme' is in plugin 'acme' (acme-1.0.jar), "
                + "which failed: " + reason);

        Cli.Result ran = Cli.run("run", recipe("plain").toString(), "--plugins", plugins.toString(),
                "--out", out("plain").toString());
        assertThat(ran.code()).as(ran.toString()).isZero();
        assertThat(ran.err()).contains("kaizen: plugin acme-1.0.jar skipped: " + reason);
    }

    @Test
    void aPluginThatBundlesAnotherVersionOfAHostLibraryUsesItsOwn() throws Exception {
        PluginFiles.pluginZip(plugins.resolve("acme-2.0.zip"), guavaUser, "acme", List.of(oldGuava));
        try (PluginHost host = PluginHost.load(plugins)) {
            assertThat(host.failures()).isEmpty();
            assertThat(host.plugins()).extracting(PluginInfo::id, PluginInfo::state).containsExactly(tuple("acme", "STARTED"));
            ClassLoader loader = host.extensions(EnvironmentFactory.class).stream()
                    .filter(found -> found.origin().equals("acme")).findFirst().orElseThrow()
                    .extension().getClass().getClassLoader();
            Class<?> theirs = loader.loadClass("com.google.common.base.Objects");
            assertThat(theirs).isNotSameAs(com.google.common.base.Objects.class);
            assertThat(theirs.getMethod("firstNonNull", Object.class, Object.class)).isNotNull();
            assertThat(theirs.getProtectionDomain().getCodeSource().getLocation().toString()).endsWith("guava-16.0.1.jar");
            assertThat(loader.loadClass("dev.kaizen.api.env.EnvironmentFactory")).isSameAs(EnvironmentFactory.class);
            assertThat(loader.loadClass("org.slf4j.Logger")).isSameAs(org.slf4j.Logger.class);
        }
        Cli.Result ran = Cli.run("run", recipe("acme").toString(), "--plugins", plugins.toString(),
                "--out", out("acme").toString());
        assertThat(ran.code()).as(ran.toString()).isZero();
        assertThat(Files.readString(out("acme").resolve("summary.json"))).contains("\"successRate\" : 1.0");
    }

    @Test
    void aClassThatCannotLinkMidRunFailsTheRunNamingThePluginTheClassAndWhatToDo() throws Exception {
        PluginFiles.pluginZip(plugins.resolve("late-1.0.zip"), checksUser, "late", List.of(checks));
        try (PluginHost host = PluginHost.load(plugins)) {
            assertThat(host.failures()).isEmpty();
        }
        Cli.Result failed = Cli.run("run", recipe("late").toString(), "--plugins", plugins.toString(),
                "--out", out("late").toString());
        String message = "plugin 'late' (late-1.0.zip) cannot link: com.vendor.util.Checks needs class "
                + "com.google.common.base.Strings, which is neither in the plugin nor shared by the host; bundle the "
                + "library that has it in the plugin's lib/ (the host's copy, in guava-";
        assertThat(failed.code()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).contains("kaizen: failed: " + message);
        assertThat(Files.readString(out("late").resolve("summary.json"))).contains("\"status\" : \"failed\"",
                "\"error\" : \"" + message);
    }

    @Test
    void aConfigThatCannotLinkWhileTheRecipeIsReadRefusesTheRecipeNamingThePlugin() throws Exception {
        PluginFiles.pluginZip(plugins.resolve("early-1.0.zip"), configUser, "early", List.of(checks));
        Cli.Result refused = Cli.run("run", recipe("early").toString(), "--plugins", plugins.toString(),
                "--out", out("early").toString());
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("kaizen: early-" + plugins.getFileName() + ".yaml: environment: plugin 'early' "
                + "(early-1.0.zip) cannot link: com.vendor.util.Checks needs class com.google.common.base.Strings, which "
                + "is neither in the plugin nor shared by the host; bundle the library that has it in the plugin's lib/");
        assertThat(out("early")).doesNotExist();
    }

    @Test
    void theHostsOtherLibrariesAreInvisibleToPlugins() throws Exception {
        PluginFiles.pluginJar(plugins.resolve("plain-1.0.jar"), plain, "plain", null);
        try (PluginHost host = PluginHost.load(plugins)) {
            ClassLoader loader = host.extensions(EnvironmentFactory.class).stream()
                    .filter(found -> found.origin().equals("plain")).findFirst().orElseThrow()
                    .extension().getClass().getClassLoader();
            for (String hidden : List.of("com.fasterxml.jackson.databind.ObjectMapper", "com.google.inject.Guice",
                    "org.yaml.snakeyaml.Yaml", "dev.kaizen.core.cli.Kaizen", "ch.qos.logback.classic.Logger")) {
                assertThat(loader.getResource(hidden.replace('.', '/') + ".class")).as(hidden).isNull();
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> loader.loadClass(hidden)).as(hidden)
                        .isInstanceOf(ClassNotFoundException.class);
            }
            assertThat(loader.loadClass("com.fasterxml.jackson.annotation.JsonProperty"))
                    .isSameAs(com.fasterxml.jackson.annotation.JsonProperty.class);
            assertThat(loader.loadClass("java.net.http.HttpClient")).isSameAs(java.net.http.HttpClient.class);
            assertThat(PluginHost.sharedPackages()).containsOnlyKeys("dev.kaizen.api", "org.pf4j",
                    "com.fasterxml.jackson.annotation", "org.slf4j");
        }
    }
}
