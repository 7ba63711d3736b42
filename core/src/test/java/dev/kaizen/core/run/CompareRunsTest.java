package dev.kaizen.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kaizen compare} on real runs: {@link ResumeTest#RECIPE} run for seeds 11 and 12 under two
 * names, {@code bc-iterate} (one round) and {@code iterate} (three rounds), then compared.
 */
class CompareRunsTest {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void twoGroupsOfRealRunsAreComparedSeedBySeed() throws Exception {
        Path recipe = Files.writeString(dir.resolve("iterate.yaml"), ResumeTest.RECIPE.formatted(0));
        List<String> runs = new ArrayList<>();
        for (String group : List.of("iterate", "bc-iterate")) {
            for (int seed : new int[] {11, 12}) {
                Path out = dir.resolve(group + "-" + seed);
                Cli.Result run = Cli.run("run", recipe.toString(), "--set", "name=" + group, "--set", "seed=" + seed,
                        "--set", "method.iterations=" + (group.startsWith("bc-") ? 1 : 3), "--out", out.toString());
                assertThat(run.code()).as(run.toString()).isZero();
                runs.add(out.toString());
            }
        }
        List<String> args = new ArrayList<>(List.of("compare"));
        args.addAll(runs);
        args.addAll(List.of("--out", dir.resolve("compare").toString()));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).contains("baseline: bc-iterate (the one group named bc-*); stages: kept; 4 runs in "
                + "2 groups");

        JsonNode comparison = json.readTree(dir.resolve("compare/compare.json").toFile());
        assertThat(comparison.path("groups").toString()).isEqualTo("[\"iterate\",\"bc-iterate\"]");
        // the stage each run kept, on both splits and validation, compared under the name "kept"
        assertThat(comparison.path("rows")).hasSize(6);
        for (JsonNode row : comparison.path("rows")) {
            assertThat(row.path("stage").asText()).isEqualTo("kept");
            String split = row.path("split").asText();
            String group = row.path("group").asText();
            double a = successRate(dir.resolve(group + "-11"), split);
            double b = successRate(dir.resolve(group + "-12"), split);
            assertThat(row.path("seeds").asInt()).isEqualTo(2);
            assertThat(row.path("perSeed").path("11").asDouble()).isEqualTo(a);
            assertThat(row.path("perSeed").path("12").asDouble()).isEqualTo(b);
            assertThat(row.path("meanSuccess").asDouble()).isCloseTo((a + b) / 2, within(1e-12));
            // 8 episodes a seed (5 held-out train tasks on validation), none errored
            int episodes = split.equals("validation") ? 5 : 8;
            assertThat(row.path("pooledEpisodes").asLong()).isEqualTo(2L * episodes);
            assertThat(row.path("pooledSuccesses").asLong())
                    .isEqualTo(Math.round(episodes * a) + Math.round(episodes * b));
            if (group.equals("iterate")) {
                double gain = (a - successRate(dir.resolve("bc-iterate-11"), split)
                        + b - successRate(dir.resolve("bc-iterate-12"), split)) / 2;
                assertThat(row.path("gain").path("pairs").asInt()).isEqualTo(2);
                assertThat(row.path("gain").path("mean").asDouble()).isCloseTo(gain, within(1e-12));
            } else {
                assertThat(row.path("gain").isNull()).isTrue();
            }
        }
        assertThat(dir.resolve("compare/compare.html")).exists();
    }

    /** The success rate of the run's kept stage on {@code split} ({@code validation}: its held-out train tasks). */
    private double successRate(Path run, String split) throws Exception {
        JsonNode summary = json.readTree(run.resolve("summary.json").toFile());
        String kept = summary.path("kept").asText();
        for (JsonNode evaluation : split.equals("validation") ? summary.path("validation") : summary.path("evaluations")) {
            if (evaluation.path("stage").asText().equals(kept)
                    && (split.equals("validation") || evaluation.path("split").asText().equals(split))) {
                return evaluation.path("successRate").asDouble();
            }
        }
        throw new AssertionError("no " + kept + " evaluation on " + split + " in " + run);
    }
}
