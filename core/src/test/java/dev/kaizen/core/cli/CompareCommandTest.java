package dev.kaizen.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.core.evaluation.Wilson;
import dev.kaizen.core.testing.Cli;
import dev.kaizen.core.testing.SyntheticRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kaizen compare} on synthetic runs (two groups, five seeds) whose figures are known: every
 * statistic is checked against one computed here by hand from its formula.
 */
class CompareCommandTest {

    /** t(0.975, 4): the 95% two-sided factor for five seeds. */
    private static final double T975_DF4 = 2.7764451051977987;
    private static final long[] SEEDS = {1, 2, 3, 4, 5};
    private static final double[] BC_SEEN = {0.40, 0.45, 0.50, 0.42, 0.48};
    private static final double[] ETO_SEEN = {0.50, 0.53, 0.61, 0.39, 0.60};
    private static final double[] BC_UNSEEN = {0.30, 0.35, 0.33, 0.31, 0.36};
    private static final double[] ETO_UNSEEN = {0.34, 0.36, 0.40, 0.30, 0.38};

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<String> arguments = new ArrayList<>();

    /** eto-shop first, so that the default baseline (bc-shop) is not the first group. */
    @BeforeEach
    void writeRuns() throws Exception {
        for (int i = 0; i < SEEDS.length; i++) {
            arguments.add(write("eto-shop", SEEDS[i], ETO_SEEN[i], ETO_UNSEEN[i], 0).toString());
        }
        for (int i = 0; i < SEEDS.length; i++) {
            // seed 5 of bc-shop had 4 errored episodes on seen: its rate is over the 96 that completed
            arguments.add(write("bc-shop", SEEDS[i], BC_SEEN[i], BC_UNSEEN[i], i == 4 ? 4 : 0).toString());
        }
    }

    private Path write(String recipe, long seed, double seen, double unseen, int seenErrors) throws Exception {
        ObjectNode summary = SyntheticRuns.summary(recipe, seed, "completed");
        SyntheticRuns.evaluation(summary, "baseline", "seen", 100, 0, 0.2, 0.5);
        SyntheticRuns.evaluation(summary, "baseline", "unseen", 100, 0, 0.1, 0.4);
        SyntheticRuns.evaluation(summary, "final", "seen", 100, seenErrors, seen, seen + 0.3);
        SyntheticRuns.evaluation(summary, "final", "unseen", 100, 0, unseen, unseen + 0.3);
        return SyntheticRuns.write(dir.resolve("runs").resolve(recipe + "-" + seed), summary);
    }

    private Cli.Result compare(String... extra) {
        List<String> args = new ArrayList<>(List.of("compare"));
        args.addAll(arguments);
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private JsonNode row(JsonNode comparison, String group, String stage, String split) {
        for (JsonNode row : comparison.path("rows")) {
            if (row.path("group").asText().equals(group) && row.path("stage").asText().equals(stage)
                    && row.path("split").asText().equals(split)) {
                return row;
            }
        }
        throw new AssertionError("no row " + group + " " + stage + " " + split + " in " + comparison);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double sd(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    /** Student's t distribution function for 4 degrees of freedom, in closed form. */
    private static double tCdfDf4(double t) {
        double u = 1 + t * t / 4;
        return 0.5 + 0.375 * t / Math.sqrt(u) * (1 - t * t / (12 * u));
    }

    /** The exact two-sided Wilcoxon signed-rank p-value, by enumerating every sign assignment. */
    private static double wilcoxonExact(double[] differences) {
        int n = differences.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.abs(differences[a]), Math.abs(differences[b])));
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[order[r]] = r + 1;
        }
        int wPlus = 0;
        for (int i = 0; i < n; i++) {
            wPlus += differences[i] > 0 ? rank[i] : 0;
        }
        int observed = Math.min(wPlus, n * (n + 1) / 2 - wPlus);
        int atMost = 0;
        for (int signs = 0; signs < 1 << n; signs++) {
            int w = 0;
            for (int i = 0; i < n; i++) {
                w += (signs >> i & 1) == 1 ? i + 1 : 0;
            }
            atMost += w <= observed ? 1 : 0;
        }
        return Math.min(1, 2.0 * atMost / (1 << n));
    }

    @Test
    void meansIntervalsAndPairedTestsMatchTheFormulas() throws Exception {
        Path out = dir.resolve("out");
        Cli.Result result = compare("--out", out.toString());
        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.err()).as(result.toString()).isEmpty();
        JsonNode comparison = json.readTree(out.resolve("compare.json").toFile());

        // the default baseline is the one bc-* group, though eto-shop came first
        assertThat(comparison.path("baseline").asText()).isEqualTo("bc-shop");
        assertThat(comparison.path("groups").toString()).isEqualTo("[\"eto-shop\",\"bc-shop\"]");
        assertThat(result.out()).contains("baseline: bc-shop (the one group named bc-*)");
        // only the last stage, final, by default: 2 splits x 2 groups
        assertThat(comparison.path("rows")).hasSize(4);
        assertThat(comparison.path("rows").findValuesAsText("stage")).containsOnly("final");

        JsonNode eto = row(comparison, "eto-shop", "final", "seen");
        assertThat(eto.path("seeds").asInt()).isEqualTo(5);
        assertThat(eto.path("meanSuccess").asDouble()).isCloseTo(0.526, within(1e-12));
        double half = T975_DF4 * sd(ETO_SEEN) / Math.sqrt(5);
        assertThat(eto.path("successCi95").get(0).asDouble()).isCloseTo(mean(ETO_SEEN) - half, within(1e-12));
        assertThat(eto.path("successCi95").get(1).asDouble()).isCloseTo(mean(ETO_SEEN) + half, within(1e-12));
        assertThat(eto.path("meanReward").asDouble()).isCloseTo(0.826, within(1e-12));
        assertThat(eto.path("perSeed").toString())
                .isEqualTo("{\"1\":0.5,\"2\":0.53,\"3\":0.61,\"4\":0.39,\"5\":0.6}");
        assertThat(eto.path("pooledSuccesses").asLong()).isEqualTo(263);
        assertThat(eto.path("pooledEpisodes").asLong()).isEqualTo(500);

        double[] differences = new double[5];
        for (int i = 0; i < 5; i++) {
            differences[i] = ETO_SEEN[i] - BC_SEEN[i];
        }
        JsonNode gain = eto.path("gain");
        assertThat(gain.path("baseline").asText()).isEqualTo("bc-shop");
        assertThat(gain.path("pairs").asInt()).isEqualTo(5);
        assertThat(gain.path("mean").asDouble()).isCloseTo(0.076, within(1e-12));
        double gainHalf = T975_DF4 * sd(differences) / Math.sqrt(5);
        assertThat(gain.path("ci95").get(0).asDouble()).isCloseTo(mean(differences) - gainHalf, within(1e-12));
        assertThat(gain.path("ci95").get(1).asDouble()).isCloseTo(mean(differences) + gainHalf, within(1e-12));
        double t = mean(differences) / (sd(differences) / Math.sqrt(5));
        assertThat(gain.path("tTestP").asDouble()).isCloseTo(2 * (1 - tCdfDf4(Math.abs(t))), within(1e-9));
        // differences 0.10, 0.08, 0.11, -0.03, 0.12: W- = 1, p = 2 * 2/32
        assertThat(wilcoxonExact(differences)).isEqualTo(0.125);
        assertThat(gain.path("wilcoxonP").asDouble()).isCloseTo(0.125, within(1e-12));
        assertThat(gain.path("wilcoxonExact").asBoolean()).isTrue();

        JsonNode bc = row(comparison, "bc-shop", "final", "seen");
        assertThat(bc.path("gain").isNull()).isTrue();
        // 40 + 45 + 50 + 42 + round(0.48 * 96) successes over 400 + 96 completed episodes
        assertThat(bc.path("pooledSuccesses").asLong()).isEqualTo(223);
        assertThat(bc.path("pooledEpisodes").asLong()).isEqualTo(496);
        assertThat(bc.path("pooledWilson95").get(0).asDouble()).isEqualTo(Wilson.interval95(223, 496).get(0));
        assertThat(bc.path("pooledWilson95").get(1).asDouble()).isEqualTo(Wilson.interval95(223, 496).get(1));

        assertThat(result.out()).containsPattern("eto-shop +final +seen +greedy +5 +0\\.526 +\\[.*\\+0\\.076");
        assertThat(tCdfDf4(T975_DF4)).as("the closed form agrees with the quantile").isCloseTo(0.975, within(1e-12));
    }

    @Test
    void compareJsonIsByteIdenticalOnASecondRunAndTheReportHasItsCharts() throws Exception {
        Path out = dir.resolve("out");
        assertThat(compare("--out", out.toString()).code()).isZero();
        byte[] first = Files.readAllBytes(out.resolve("compare.json"));
        Cli.Result again = compare("--out", out.toString());
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(Files.readAllBytes(out.resolve("compare.json"))).isEqualTo(first);

        String html = Files.readString(out.resolve("compare.html"));
        assertThat(html).contains("<td>eto-shop</td>", "baseline: bc-shop (the one group named bc-*)");
        List<String> charts;
        try (Stream<Path> listing = Files.list(out.resolve("charts"))) {
            charts = listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
        // per key: the means with their intervals, and the seed-by-seed lines
        assertThat(charts).containsExactly("seeds-01-final-seen-greedy.png", "seeds-02-final-unseen-greedy.png",
                "success-01-final-seen-greedy.png", "success-02-final-unseen-greedy.png");
        for (String chart : charts) {
            assertThat(html).contains("charts/" + chart);
            assertThat(Files.size(out.resolve("charts").resolve(chart))).isGreaterThan(1000);
        }
    }

    @Test
    void baselineStageAndAllStagesChooseWhatIsCompared() throws Exception {
        Path out = dir.resolve("out");
        Cli.Result result = compare("--out", out.toString(), "--baseline", "eto-shop", "--stage", "baseline");
        assertThat(result.code()).as(result.toString()).isZero();
        JsonNode comparison = json.readTree(out.resolve("compare.json").toFile());
        assertThat(comparison.path("baseline").asText()).isEqualTo("eto-shop");
        assertThat(comparison.path("rows").findValuesAsText("stage")).containsOnly("baseline");
        JsonNode bc = row(comparison, "bc-shop", "baseline", "seen");
        assertThat(bc.path("gain").path("mean").asDouble()).isEqualTo(0.0);
        // every difference is zero: neither test is defined
        assertThat(bc.path("gain").path("tTestP").isNull()).isTrue();
        assertThat(bc.path("gain").path("wilcoxonP").isNull()).isTrue();

        assertThat(compare("--out", out.toString(), "--all-stages").code()).isZero();
        assertThat(json.readTree(out.resolve("compare.json").toFile()).path("rows")).hasSize(8);
    }

    @Test
    void eachRunsKeptStageIsComparedByDefaultWithItsValidationAndLastNamesTheLastStage() throws Exception {
        Path runs = dir.resolve("kept");
        List<String> kept = new ArrayList<>();
        for (int seed = 1; seed <= 4; seed++) {
            ObjectNode summary = SyntheticRuns.summary("eto-shop", seed, "completed");
            SyntheticRuns.evaluation(summary, "baseline", "unseen", 100, 0, 0.50, 0.5);
            SyntheticRuns.evaluation(summary, "iter-1", "unseen", 100, 0, 0.60 + seed / 100.0, 0.5);
            SyntheticRuns.evaluation(summary, "final", "unseen", 100, 0, 0.40, 0.5);
            SyntheticRuns.validation(summary, "baseline", 300, 0.50, false);
            SyntheticRuns.validation(summary, "iter-1", 300, 0.62, true);
            SyntheticRuns.validation(summary, "final", 300, 0.45, false);
            kept.add(SyntheticRuns.write(runs.resolve("eto-" + seed), summary).toString());
        }
        Path out = dir.resolve("kept-out");
        List<String> args = new ArrayList<>(List.of("--out", out.toString()));
        args.addAll(kept);
        Cli.Result result = Cli.run(Stream.concat(Stream.of("compare"), args.stream()).toArray(String[]::new));
        assertThat(result.code()).as(result.toString()).isZero();
        JsonNode rows = json.readTree(out.resolve("compare.json").toFile()).path("rows");
        assertThat(rows.findValuesAsText("stage")).containsOnly("kept");
        assertThat(rows.findValuesAsText("split")).containsExactlyInAnyOrder("unseen", "validation");
        assertThat(row(json.readTree(out.resolve("compare.json").toFile()), "eto-shop", "kept", "unseen")
                .path("meanSuccess").asDouble()).isCloseTo(0.625, within(1e-9));

        assertThat(result.err() + result.out()).doesNotContain("below its baseline stage");

        // a kept stage that validation chose but that fell below the baseline on a test split is named
        ObjectNode worse = SyntheticRuns.summary("eto-shop", 9, "completed");
        SyntheticRuns.evaluation(worse, "baseline", "unseen", 100, 0, 0.80, 0.5);
        SyntheticRuns.evaluation(worse, "iter-1", "unseen", 100, 0, 0.60, 0.5);
        SyntheticRuns.validation(worse, "baseline", 300, 0.50, false);
        SyntheticRuns.validation(worse, "iter-1", 300, 0.55, true);
        Path bad = SyntheticRuns.write(runs.resolve("eto-9"), worse);
        Cli.Result warned = Cli.run("compare", bad.toString(), "--out", dir.resolve("bad-out").toString());
        assertThat(warned.code()).as(warned.toString()).isZero();
        assertThat(warned.err() + warned.out()).contains(bad + " (seed 9): kept stage iter-1 on unseen (greedy) has"
                + " success 0.600, below its baseline stage's 0.800 by more than its 95% interval");

        args.addAll(0, List.of("--stage", "last"));
        assertThat(Cli.run(Stream.concat(Stream.of("compare"), args.stream()).toArray(String[]::new)).code()).isZero();
        assertThat(json.readTree(out.resolve("compare.json").toFile()).path("rows").findValuesAsText("stage"))
                .containsOnly("final");
    }

    @Test
    void aSearchTheBaselineDidNotRunIsPairedWithItsGreedyEvaluation() throws Exception {
        Path runs = dir.resolve("mcts");
        double[] bc = {0.50, 0.60, 0.55};
        double[] mcts = {0.80, 0.85, 0.90};
        for (int seed = 0; seed < bc.length; seed++) {
            SyntheticRuns.write(runs.resolve("bc-" + seed),
                    SyntheticRuns.evaluation(SyntheticRuns.summary("bc-shop", seed, "completed"), "final", "unseen",
                            100, 0, bc[seed], 0.5));
            var agentq = SyntheticRuns.evaluation(SyntheticRuns.summary("agentq-shop", seed, "completed"), "final",
                    "unseen", 100, 0, 0.6, 0.5);
            SyntheticRuns.evaluation(agentq, "final", "unseen", 100, 0, mcts[seed], 0.5);
            ((com.fasterxml.jackson.databind.node.ObjectNode) agentq.path("evaluations").get(1)).put("search", "mcts");
            SyntheticRuns.write(runs.resolve("agentq-" + seed), agentq);
        }
        List<String> args = new java.util.ArrayList<>();
        for (int seed = 0; seed < bc.length; seed++) {
            args.add(runs.resolve("bc-" + seed).toString());
            args.add(runs.resolve("agentq-" + seed).toString());
        }
        args.addAll(List.of("--out", dir.resolve("out").toString()));
        Cli.Result result = Cli.run(java.util.stream.Stream.concat(java.util.stream.Stream.of("compare"),
                args.stream()).toArray(String[]::new));

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("agentq-shop +final +unseen +mcts +3 +0\\.850 .* \\+0\\.300 ")
                .contains("gains under search mcts are over the baseline's greedy evaluations");
    }

    @Test
    void runsThatDidNotCompleteAreSkippedWithAWarning() throws Exception {
        Path failed = SyntheticRuns.write(dir.resolve("failed"),
                SyntheticRuns.evaluation(SyntheticRuns.summary("bc-shop", 6, "failed"), "final", "seen", 100, 0, 0.9, 1));
        arguments.add(failed.toString());
        Path out = dir.resolve("out");
        Cli.Result result = compare("--out", out.toString());
        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.err().strip()).isEqualTo("kaizen: warning: skipped " + failed + ": status failed, not completed");
        JsonNode comparison = json.readTree(out.resolve("compare.json").toFile());
        assertThat(row(comparison, "bc-shop", "final", "seen").path("seeds").asInt()).isEqualTo(5);
        assertThat(comparison.path("skipped").get(0).path("status").asText()).isEqualTo("failed");
    }

    @Test
    void pooledRunsWhoseProvenanceDiffersAreNamedOnce() throws Exception {
        for (int i = 0; i < SEEDS.length; i++) {
            // start times always differ and are ignored; the processor differs for seed 3 only
            SyntheticRuns.provenance(Path.of(arguments.get(i)), "2026-01-0" + (i + 1) + "T00:00:00Z",
                    i == 2 ? "AMD EPYC 9654" : "Intel Xeon 8480");
            SyntheticRuns.provenance(Path.of(arguments.get(5 + i)), "2026-02-0" + (i + 1) + "T00:00:00Z", "Intel Xeon 8480");
        }
        Cli.Result result = compare("--out", dir.resolve("out").toString());
        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.err().strip()).isEqualTo(
                "kaizen: warning: group 'eto-shop' pools runs whose provenance (run.json) differs in cpu.model");
    }

    @Test
    void aSweepGroupsItsRunsByCellAndIsTheDefaultOutput() throws Exception {
        Path sweep = dir.resolve("sweep");
        StringBuilder cells = new StringBuilder();
        for (int i = 0; i < SEEDS.length; i++) {
            for (String group : List.of("bc-shop", "eto-shop-method.beta=0.5")) {
                String run = "runs/" + group + "-" + SEEDS[i];
                double seen = group.startsWith("bc") ? BC_SEEN[i] : ETO_SEEN[i];
                ObjectNode summary = SyntheticRuns.summary(group.startsWith("bc") ? "bc-shop" : "eto-shop", SEEDS[i],
                        "completed");
                SyntheticRuns.write(sweep.resolve(run), SyntheticRuns.evaluation(summary, "final", "seen", 100, 0, seen, 1));
                cells.append(cells.length() == 0 ? "" : ",").append("{\"run\":\"").append(run)
                        .append("\",\"group\":\"").append(group).append("\",\"seed\":").append(SEEDS[i]).append("}");
            }
        }
        cells.append(",{\"run\":\"runs/not-started\",\"group\":\"bc-shop\",\"seed\":6}");
        Files.writeString(sweep.resolve("sweep.json"), "{\"cells\":[" + cells + "]}");

        Cli.Result result = Cli.run("compare", sweep.toString());
        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.err()).contains("skipped " + sweep.resolve("runs/not-started") + ": status missing");
        JsonNode comparison = json.readTree(sweep.resolve("compare.json").toFile());
        assertThat(comparison.path("groups").toString()).isEqualTo("[\"bc-shop\",\"eto-shop-method.beta=0.5\"]");
        assertThat(row(comparison, "eto-shop-method.beta=0.5", "final", "seen").path("gain").path("mean").asDouble())
                .isCloseTo(0.076, within(1e-12));
        assertThat(sweep.resolve("compare.html")).exists();
    }
}
