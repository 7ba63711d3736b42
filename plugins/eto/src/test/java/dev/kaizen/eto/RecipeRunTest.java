package dev.kaizen.eto;

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
 * Recipes naming {@code eto} and {@code rft} run through the host's command line on the counter
 * test environment, with the host's own {@code sample}, {@code greedy} and {@code none} parts.
 */
class RecipeRunTest {

    /** 8 training tasks: the last 2 (a quarter) validate the stages, the method sees the other 6. */
    private static final String ETO = """
            name: eto-test
            seed: 7
            environment: {type: test, train: 8, seen: 4, unseen: 4}
            policy: {type: tabular}
            method:
              type: eto
              demonstrations: 6
              optimizer: {type: tabular-bc}
              iterations: 2
              explorer: {type: sample}
              dpo: {type: tabular-dpo, learningRate: 2.0}
            evaluation: {episodes: 4}
            """;

    private static final String RFT = """
            name: rft-test
            seed: 7
            environment: {type: test, train: 8, seen: 4, unseen: 4}
            policy: {type: tabular}
            method:
              type: rft
              demonstrations: 6
              optimizer: {type: tabular-bc}
            evaluation: {episodes: 4}
            """;

    @TempDir
    Path dir;

    private Path plugins;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void emptyPluginsDirectory() throws Exception {
        plugins = Files.createDirectories(dir.resolve("plugins"));
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

    private Path recipe(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name + ".yaml"), text);
    }

    private List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void etoRunsThroughTheHostAndTheExplorerIsSwappedWithSet() throws Exception {
        Path recipe = recipe("eto-test", ETO);
        Path sampled = dir.resolve("sampled");
        Result run = kaizen("run", recipe.toString(), "--out", sampled.toString());
        assertThat(run.code()).as(run.out() + run.err()).isZero();

        JsonNode summary = json.readTree(sampled.resolve("summary.json").toFile());
        assertThat(summary.path("evaluations").findValuesAsText("stage"))
                .containsExactly("baseline", "baseline", "iter-1", "iter-1", "final", "final");
        // the host's sample search defaults to 4 samples per task
        assertThat(lines(sampled.resolve("trajectories/iter-1-explore.jsonl"))).hasSize(24);
        assertThat(lines(sampled.resolve("trajectories/demonstrations.jsonl"))).hasSize(6);
        assertThat(sampled.resolve("pairs/iter-1.jsonl")).exists();
        assertThat(sampled.resolve("pairs/iter-2.jsonl")).exists();
        String resolved = Files.readString(sampled.resolve("recipe.yaml"));
        assertThat(resolved).contains("schedule:", "truncationSlack: 5", "samples: 4");
        String metrics = Files.readString(sampled.resolve("metrics.jsonl"));
        assertThat(metrics).contains("\"event\":\"eto-pairs\"", "\"event\":\"eto-explore\"");

        Path greedy = dir.resolve("greedy");
        Result swapped = kaizen("run", recipe.toString(), "--out", greedy.toString(),
                "--set", "method.explorer.type=greedy");
        assertThat(swapped.code()).as(swapped.out() + swapped.err()).isZero();
        assertThat(Files.readString(greedy.resolve("recipe.yaml"))).doesNotContain("samples:");
        // one greedy rollout per task; after BC it solves every training task: all ties, no pairs
        List<String> explored = lines(greedy.resolve("trajectories/iter-1-explore.jsonl"));
        assertThat(explored).hasSize(6);
        for (String line : explored) {
            assertThat(json.readTree(line).path("success").asBoolean()).isTrue();
        }
        assertThat(greedy.resolve("pairs/iter-1.jsonl")).satisfiesAnyOf(
                p -> assertThat(p).doesNotExist(), p -> assertThat(lines(p)).isEmpty());
    }

    @Test
    void rftRunsThroughTheHost() throws Exception {
        Path out = dir.resolve("rft");
        Result run = kaizen("run", recipe("rft-test", RFT).toString(), "--out", out.toString());
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("evaluations").findValuesAsText("stage"))
                .containsExactly("baseline", "baseline", "final", "final");
        assertThat(lines(out.resolve("trajectories/iter-1-explore.jsonl"))).hasSize(24);
        assertThat(out.resolve("trajectories/iter-1-kept.jsonl")).exists();
    }

    @Test
    void badSettingsAreReportedWithTheFieldPath() throws Exception {
        Path recipe = recipe("eto-test", ETO);
        Result run = kaizen("run", recipe.toString(), "--out", dir.resolve("bad").toString(),
                "--set", "method.iterations=0");
        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("method.iterations must be >= 1");

        Result typo = kaizen("run", recipe.toString(), "--out", dir.resolve("typo").toString(),
                "--set", "method.explorer.type=sampel");
        assertThat(typo.code()).isNotZero();
        assertThat(typo.err()).contains("sampel").contains("greedy").contains("sample");

        Result schedule = kaizen("run", recipe.toString(), "--out", dir.resolve("schedule").toString(),
                "--set", "method.schedule={gamma: [0.5]}");
        assertThat(schedule.code()).isNotZero();
        assertThat(schedule.err()).contains("method.schedule at iteration 1").contains("gamma");
    }
}
