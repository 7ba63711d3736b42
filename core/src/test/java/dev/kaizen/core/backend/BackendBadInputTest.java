package dev.kaizen.core.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.core.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rollout backend settings that cannot work are bad input: exit 2, what, where, what is allowed; no run directory. */
class BackendBadInputTest {

    private static final String RECIPE = """
            name: backend
            environment: {type: test, train: 8, seen: 4, unseen: 4}
            policy: {type: tabular}
            evaluation: {episodes: 4, validation: 0}
            """;

    @TempDir
    Path dir;

    private Cli.Result run(String... sets) throws Exception {
        Path recipe = Files.writeString(dir.resolve("backend.yaml"), RECIPE);
        String[] args = new String[4 + 2 * sets.length];
        args[0] = "run";
        args[1] = recipe.toString();
        args[2] = "--out";
        args[3] = dir.resolve("run").toString();
        for (int i = 0; i < sets.length; i++) {
            args[4 + 2 * i] = "--set";
            args[5 + 2 * i] = sets[i];
        }
        return Cli.run(args);
    }

    private void assertBadInput(Cli.Result result, String message) {
        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).as(result.toString()).contains(message).doesNotContain("\tat ");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void anUnknownBackendListsTheKnownOnes() throws Exception {
        assertBadInput(run("rollout.backend=sprak"),
                "kaizen: rollout.backend: unknown backend 'sprak'; known: [local, threads-test]");
    }

    @Test
    void aBackendNameIsOneLowercaseWord() throws Exception {
        assertBadInput(run("rollout.backend=Spark Cluster"),
                "rollout: backend must be a lowercase name such as local or spark, got 'Spark Cluster'");
    }

    @Test
    void masterAndPartitionsNeedABackendOtherThanLocal() throws Exception {
        assertBadInput(run("rollout.master=local[2]"), "rollout: master applies to a backend other than local, got"
                + " master 'local[2]' with backend local; set backend: spark or drop master");
        assertBadInput(run("rollout.partitions=4"), "rollout: partitions applies to a backend other than local, got"
                + " partitions 4 with backend local; set backend: spark or drop partitions");
    }

    @Test
    void partitionsAreBounded() throws Exception {
        assertBadInput(run("rollout.backend=threads-test", "rollout.partitions=0"),
                "rollout: partitions must be between 1 and 100000, got 0");
    }

    @Test
    void anUnknownFallbackListsTheAllowedOnes() throws Exception {
        Cli.Result result = run("rollout.backend=threads-test", "rollout.fallback=refuse");
        assertBadInput(result, "rollout.fallback");
        assertThat(result.err()).contains("'refuse'", "[local, fail]");
    }

    @Test
    void theBackendRunsAndItsSettingsAreWrittenIntoTheRecipe() throws Exception {
        Cli.Result result = run("rollout.backend=threads-test", "rollout.partitions=3");
        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(Files.readString(dir.resolve("run/recipe.yaml"))).contains("backend: threads-test",
                "partitions: 3", "fallback: local").doesNotContain("master:");
        assertThat(Files.readString(dir.resolve("run/metrics.jsonl")))
                .contains("\"event\":\"rollout-backend\",", "\"backend\":\"threads-test\"", "\"slots\":2");
    }
}
